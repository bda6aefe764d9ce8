import type { ToolUseBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { type ChatCustomToolCall, type ChatMessageToolCall, safeParseJson } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord } from '../shared/json-readers.js';

/**
 * An assistant tool call as a `tool_use` block. Anthropic takes the input as a JSON object, so the
 * arguments string is parsed; arguments that are not an object cannot be sent and are rejected
 * before the call.
 */
export function convertToAnthropicToolUse(
  call: ChatMessageToolCall | ChatCustomToolCall,
  param: string,
): ToolUseBlockParam {
  if (call.type === 'custom') {
    throw invalidRequestError('anthropic', param, 'Anthropic has no custom (free-form) tools.');
  }
  const { name, arguments: args } = call.function;
  // Models sometimes call a tool without arguments and leave the string empty.
  const parsed = args.trim() === '' ? { success: true as const, value: {} } : safeParseJson(args);
  if (!parsed.success || !isRecord(parsed.value)) {
    throw invalidRequestError(
      'anthropic',
      `${param}.function.arguments`,
      'Tool arguments must be a JSON object.',
    );
  }
  return { type: 'tool_use', id: call.id, name, input: parsed.value };
}
