import type { CompletionUsage } from '@switchyard/core';
import { isRecord, readNumber, readRecord } from '../shared/json-readers.js';

/**
 * Anthropic's usage in OpenAI's terms. Anthropic reports uncached, cache-read and cache-write input
 * tokens separately; OpenAI's `prompt_tokens` counts them all, with cache reads as `cached_tokens`.
 * Thinking tokens (`output_tokens_details.thinking_tokens`) are part of `output_tokens`, as
 * `reasoning_tokens` are part of `completion_tokens`. Undefined when no token count is present.
 */
export function convertAnthropicUsage(value: unknown): CompletionUsage | undefined {
  if (!isRecord(value)) return undefined;
  const input = readNumber(value, 'input_tokens');
  const output = readNumber(value, 'output_tokens');
  if (input === undefined && output === undefined) return undefined;
  const cacheRead = readNumber(value, 'cache_read_input_tokens');
  const cacheWrite = readNumber(value, 'cache_creation_input_tokens');
  const thinking = readNumber(readRecord(value, 'output_tokens_details') ?? {}, 'thinking_tokens');
  const prompt = (input ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const completion = output ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    // Cache writes are reported only when there were any: most responses write nothing.
    ...(cacheRead === undefined && !(cacheWrite !== undefined && cacheWrite > 0)
      ? {}
      : {
          prompt_tokens_details: {
            ...(cacheRead === undefined ? {} : { cached_tokens: cacheRead }),
            ...(cacheWrite !== undefined && cacheWrite > 0 ? { cache_write_tokens: cacheWrite } : {}),
          },
        }),
    ...(thinking === undefined ? {} : { completion_tokens_details: { reasoning_tokens: thinking } }),
  };
}
