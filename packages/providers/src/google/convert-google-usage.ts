import type { CompletionUsage } from '@switchyard/core';
import { isRecord, readNumber } from '../shared/json-readers.js';

/**
 * Gemini `usageMetadata` → OpenAI usage. Thinking tokens are completion tokens (as OpenAI counts reasoning)
 * and are also reported as `reasoning_tokens`; `promptTokenCount` already includes cached tokens
 * (`cached_tokens`) and tool-use prompt tokens are prompt tokens. Undefined when no count is present.
 */
export function convertGoogleUsage(value: unknown): CompletionUsage | undefined {
  if (!isRecord(value)) return undefined;
  const prompt = readNumber(value, 'promptTokenCount');
  const candidates = readNumber(value, 'candidatesTokenCount');
  const thoughts = readNumber(value, 'thoughtsTokenCount');
  const toolUsePrompt = readNumber(value, 'toolUsePromptTokenCount');
  const cached = readNumber(value, 'cachedContentTokenCount');
  if (prompt === undefined && candidates === undefined && thoughts === undefined) return undefined;
  const promptTokens = (prompt ?? 0) + (toolUsePrompt ?? 0);
  const completionTokens = (candidates ?? 0) + (thoughts ?? 0);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    ...(cached === undefined ? {} : { prompt_tokens_details: { cached_tokens: cached } }),
    ...(thoughts === undefined ? {} : { completion_tokens_details: { reasoning_tokens: thoughts } }),
  };
}
