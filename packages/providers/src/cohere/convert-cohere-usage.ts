import type { CompletionUsage } from '@switchyard/core';
import { isRecord, readNumber, readRecord } from '../shared/json-readers.js';

/**
 * Cohere usage (as the SDK parses it: `billedUnits`, `tokens`, `cachedTokens`) in OpenAI's shape.
 * `billed_units` are what Cohere charges and what prices apply to; `tokens` also count Cohere's own
 * system prompt, and `cached_tokens` is a share of those, not of the billed units, so it is not reported
 * as cached prompt tokens. Without billed units, the raw counts are used.
 */
export function convertCohereUsage(value: unknown): CompletionUsage | undefined {
  if (!isRecord(value)) return undefined;
  const billed = readRecord(value, 'billedUnits');
  const tokens = readRecord(value, 'tokens');
  const prompt =
    (billed && readNumber(billed, 'inputTokens')) ?? (tokens && readNumber(tokens, 'inputTokens'));
  const completion =
    (billed && readNumber(billed, 'outputTokens')) ?? (tokens && readNumber(tokens, 'outputTokens'));
  if (prompt === undefined && completion === undefined) return undefined;
  return {
    prompt_tokens: prompt ?? 0,
    completion_tokens: completion ?? 0,
    total_tokens: (prompt ?? 0) + (completion ?? 0),
  };
}
