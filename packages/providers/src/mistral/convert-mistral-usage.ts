import type { UsageInfo } from '@mistralai/mistralai/models/components';
import type { CompletionUsage } from '@switchyard/core';
import { isRecord, readNumber } from '../shared/json-readers.js';

/** A number in `usage[group][key]`; the SDK keeps fields it does not model under their wire names. */
const readDetail = (usage: UsageInfo, group: string, key: string): number | undefined => {
  const details = usage[group];
  return isRecord(details) ? readNumber(details, key) : undefined;
};

/**
 * Mistral usage in OpenAI's shape. Cached prompt tokens come as `prompt_tokens_details.cached_tokens`
 * (older responses: `num_cached_tokens`) and are part of `prompt_tokens`, as OpenAI counts them.
 */
export function convertMistralUsage(usage: UsageInfo | undefined): CompletionUsage | undefined {
  if (usage === undefined) return undefined;
  const prompt = usage.promptTokens ?? 0;
  const completion = usage.completionTokens ?? 0;
  const cached =
    readDetail(usage, 'prompt_tokens_details', 'cached_tokens') ??
    (isRecord(usage) ? readNumber(usage, 'num_cached_tokens') : undefined);
  const reasoning = readDetail(usage, 'completion_tokens_details', 'reasoning_tokens');
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(cached === undefined ? {} : { prompt_tokens_details: { cached_tokens: cached } }),
    ...(reasoning === undefined ? {} : { completion_tokens_details: { reasoning_tokens: reasoning } }),
  };
}
