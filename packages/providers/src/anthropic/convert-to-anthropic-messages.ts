import type {
  ContentBlockParam,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { ChatMessage, ToolMessage, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { addWarning } from './add-warning.js';
import { convertToAnthropicAssistantContent } from './convert-to-anthropic-assistant-content.js';
import { convertToAnthropicTextBlocks } from './convert-to-anthropic-text-blocks.js';
import { convertToAnthropicUserContent } from './convert-to-anthropic-user-content.js';
import { notSentWarning } from './not-sent-warning.js';

export interface AnthropicPrompt {
  /** The leading system and developer messages: the top-level `system` parameter. */
  system: Array<TextBlockParam>;
  messages: Array<MessageParam>;
}

type Turn =
  | { role: 'user' | 'assistant'; content: Array<ContentBlockParam> }
  | { role: 'system'; content: Array<TextBlockParam> };

function toolResult(message: ToolMessage, warnings: Array<Warning>): ToolResultBlockParam {
  const content =
    typeof message.content === 'string'
      ? message.content
      : convertToAnthropicTextBlocks(message.content, warnings);
  return {
    type: 'tool_result',
    tool_use_id: message.tool_call_id,
    ...(content === '' || content.length === 0 ? {} : { content }),
  };
}

/** Anthropic requires alternating turns, so a turn with the previous turn's role is merged into it. */
function append(turns: Array<Turn>, turn: Turn): void {
  // A message whose every part was left out (with a warning) would be an empty turn, which the API rejects.
  if (turn.content.length === 0) return;
  const last = turns.at(-1);
  if (last?.role === 'system' && turn.role === 'system') last.content.push(...turn.content);
  else if (last !== undefined && last.role !== 'system' && last.role === turn.role)
    last.content.push(...turn.content);
  else turns.push(turn);
}

/**
 * The Chat Completions messages as Anthropic's `system` and `messages`. Leading system and
 * developer messages become `system`; later ones stay in place as `system` messages (API version
 * 2026-10-21 accepts them anywhere). Tool results become `tool_result` blocks in a user turn, and
 * consecutive turns of one role are merged.
 */
export function convertToAnthropicMessages(
  messages: ReadonlyArray<ChatMessage>,
  warnings: Array<Warning>,
): AnthropicPrompt {
  const system: Array<TextBlockParam> = [];
  const turns: Array<Turn> = [];
  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    if (message.role !== 'function' && message.role !== 'tool' && message.name !== undefined) {
      addWarning(warnings, notSentWarning('messages[].name', 'has no participant names'));
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        const blocks = convertToAnthropicTextBlocks(message.content, warnings);
        if (turns.length === 0) system.push(...blocks);
        else append(turns, { role: 'system', content: blocks });
        return;
      }
      case 'user':
        append(turns, {
          role: 'user',
          content: convertToAnthropicUserContent(message.content, `${param}.content`, warnings),
        });
        return;
      case 'assistant':
        append(turns, {
          role: 'assistant',
          content: convertToAnthropicAssistantContent(message, param, warnings),
        });
        return;
      case 'tool':
        append(turns, { role: 'user', content: [toolResult(message, warnings)] });
        return;
      case 'function':
        // A legacy function result has no call id to pair it with a tool_use block.
        addWarning(warnings, notSentWarning(param, 'supports tool messages, not legacy function messages'));
        return;
      default: {
        const unexpected: never = message;
        throw invalidRequestError('anthropic', param, `Unknown role in ${JSON.stringify(unexpected)}.`);
      }
    }
  });
  return { system, messages: turns };
}
