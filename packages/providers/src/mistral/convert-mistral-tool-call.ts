import type { ToolCall } from '@mistralai/mistralai/models/components';
import type { GeneratedToolCall } from '@switchyard/core';

/** The SDK fills a missing id with the string "null". */
export const readMistralToolCallId = (call: ToolCall): string | undefined =>
  call.id === undefined || call.id === '' || call.id === 'null' ? undefined : call.id;

/** Tool arguments as a JSON string; Mistral may send an object instead of the string OpenAI sends. */
export const readMistralArguments = (call: ToolCall): string =>
  typeof call.function.arguments === 'string'
    ? call.function.arguments
    : JSON.stringify(call.function.arguments);

/** A Mistral tool call in neutral form; a call without id gets a generated one in Mistral's format. */
export function convertMistralToolCall(call: ToolCall): GeneratedToolCall {
  return {
    id: readMistralToolCallId(call) ?? crypto.randomUUID().replaceAll('-', '').slice(0, 9),
    name: call.function.name,
    arguments: readMistralArguments(call),
  };
}
