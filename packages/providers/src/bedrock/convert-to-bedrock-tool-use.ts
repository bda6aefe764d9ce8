import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { type ChatCustomToolCall, type ChatMessageToolCall, safeParseJson } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord } from '../shared/json-readers.js';
import { toBedrockDocument } from './to-bedrock-document.js';

/**
 * An assistant tool call as a Converse `toolUse` block. Converse takes the input as a JSON object,
 * not the argument string, so arguments that are not a JSON object cannot be sent.
 */
export function convertToBedrockToolUse(
  call: ChatMessageToolCall | ChatCustomToolCall,
  provider: string,
  param: string,
): ContentBlock.ToolUseMember {
  if (call.type === 'custom') {
    throw invalidRequestError(provider, param, 'Custom tool calls are not supported; use function tools.');
  }
  const { name, arguments: args } = call.function;
  // Models sometimes call a tool with no arguments at all; that is an empty input.
  const parsed = args.trim() === '' ? undefined : safeParseJson(args);
  const value: unknown = parsed === undefined ? {} : parsed.success ? parsed.value : undefined;
  const input = isRecord(value) ? toBedrockDocument(value) : undefined;
  if (input === undefined) {
    throw invalidRequestError(provider, `${param}.function.arguments`, 'Expected a JSON object.');
  }
  return { toolUse: { toolUseId: call.id, name, input } };
}
