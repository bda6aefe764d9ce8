import type { ContentBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { AssistantMessage, Warning } from '@switchyard/core';
import { addWarning } from './add-warning.js';
import { convertToAnthropicThinkingBlocks } from './convert-to-anthropic-thinking-blocks.js';
import { convertToAnthropicToolUse } from './convert-to-anthropic-tool-use.js';
import { notSentWarning } from './not-sent-warning.js';

function textOf(message: AssistantMessage): Array<ContentBlockParam> {
  const { content, refusal } = message;
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (Array.isArray(content) && content.length > 0) {
    // A refusal part is what the assistant said; Anthropic has no refusal block, so it is text.
    return content
      .map((part) => (part.type === 'text' ? part.text : part.refusal))
      .filter((text) => text !== '')
      .map((text) => ({ type: 'text', text }));
  }
  return typeof refusal === 'string' && refusal !== '' ? [{ type: 'text', text: refusal }] : [];
}

/**
 * An assistant message as content blocks, in the order Anthropic expects for a replayed turn:
 * thinking first, then text, then tool calls.
 */
export function convertToAnthropicAssistantContent(
  message: AssistantMessage,
  param: string,
  warnings: Array<Warning>,
): Array<ContentBlockParam> {
  if (message.function_call !== undefined && message.function_call !== null) {
    addWarning(
      warnings,
      notSentWarning('messages[].function_call', 'supports tool_calls, not legacy function_call'),
    );
  }
  if (message.audio !== undefined && message.audio !== null) {
    addWarning(warnings, notSentWarning('messages[].audio', 'does not accept audio'));
  }
  return [
    ...convertToAnthropicThinkingBlocks(message, warnings),
    ...textOf(message),
    ...(message.tool_calls ?? []).map((call, index) =>
      convertToAnthropicToolUse(call, `${param}.tool_calls[${index}]`),
    ),
  ];
}
