import type { GeneratedToolCall } from '../provider/provider-adapter.js';
import type { CompletionUsage } from '../types/chat-completion.js';
import type { ChatMessage } from '../types/chat-request.js';
import { countMessageCharacters } from './count-message-characters.js';

export interface MockOutput {
  text: string | null;
  reasoning: string | undefined;
  refusal: string | undefined;
  toolCalls: ReadonlyArray<GeneratedToolCall>;
}

/** About four characters per token, the usual rule of thumb for English text; rounded up so any text costs ≥ 1. */
const tokensFor = (characters: number): number => Math.ceil(characters / 4);

/**
 * Usage for `usage: 'auto'`: prompt tokens from the request's messages, completion tokens from
 * everything the reply produces (reasoning included, as OpenAI counts it).
 */
export function estimateMockUsage(messages: ReadonlyArray<ChatMessage>, output: MockOutput): CompletionUsage {
  const promptTokens = tokensFor(countMessageCharacters(messages));
  const completionTokens = tokensFor(
    (output.text?.length ?? 0) +
      (output.reasoning?.length ?? 0) +
      (output.refusal?.length ?? 0) +
      output.toolCalls.reduce((sum, call) => sum + call.name.length + call.arguments.length, 0),
  );
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    ...(output.reasoning === undefined
      ? {}
      : { completion_tokens_details: { reasoning_tokens: tokensFor(output.reasoning.length) } }),
  };
}
