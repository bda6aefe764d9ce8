import type { CompletionUsage } from '@switchyard/core';
import { isRecord, readNumber, readRecord } from '../shared/json-readers.js';

type PromptDetails = NonNullable<CompletionUsage['prompt_tokens_details']>;
type CompletionDetails = NonNullable<CompletionUsage['completion_tokens_details']>;

/** Copies the numeric fields of `source` listed in `keys`, omitting the ones that are absent. */
function pickNumbers<K extends string>(
  source: Record<string, unknown> | undefined,
  keys: ReadonlyArray<K>,
): Partial<Record<K, number>> {
  const picked: Partial<Record<K, number>> = {};
  if (source === undefined) return picked;
  for (const key of keys) {
    const value = readNumber(source, key);
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

/**
 * Converts a wire `usage` object, keeping cached and reasoning token details (they are priced
 * differently). Returns undefined when the value carries no token counts at all.
 */
export function convertOpenAIUsage(value: unknown): CompletionUsage | undefined {
  if (!isRecord(value)) return undefined;
  const promptTokens = readNumber(value, 'prompt_tokens');
  const completionTokens = readNumber(value, 'completion_tokens');
  if (promptTokens === undefined && completionTokens === undefined) return undefined;
  const prompt = promptTokens ?? 0;
  const completion = completionTokens ?? 0;

  const promptDetails: PromptDetails = pickNumbers(readRecord(value, 'prompt_tokens_details'), [
    'cached_tokens',
    'audio_tokens',
  ]);
  // DeepSeek reports cache hits at the top level instead of in prompt_tokens_details.
  const cacheHits = readNumber(value, 'prompt_cache_hit_tokens');
  if (promptDetails.cached_tokens === undefined && cacheHits !== undefined)
    promptDetails.cached_tokens = cacheHits;
  const completionDetails: CompletionDetails = pickNumbers(readRecord(value, 'completion_tokens_details'), [
    'reasoning_tokens',
    'audio_tokens',
    'accepted_prediction_tokens',
    'rejected_prediction_tokens',
  ]);

  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: readNumber(value, 'total_tokens') ?? prompt + completion,
    ...(Object.keys(promptDetails).length > 0 ? { prompt_tokens_details: promptDetails } : {}),
    ...(Object.keys(completionDetails).length > 0 ? { completion_tokens_details: completionDetails } : {}),
  };
}
