import type { CompletionUsage } from '@switchyard/core';
import { isRecord, readNumber } from '../shared/json-readers.js';

/**
 * Converts Converse `usage` to OpenAI's shape. Bedrock counts cache reads and cache writes apart
 * from `inputTokens`; OpenAI's `prompt_tokens` includes cached tokens, so all three are summed and
 * cache reads are reported as `cached_tokens`. Returns undefined when no token counts are present.
 */
export function convertBedrockUsage(usage: unknown): CompletionUsage | undefined {
  if (!isRecord(usage)) return undefined;
  const input = readNumber(usage, 'inputTokens');
  const output = readNumber(usage, 'outputTokens');
  if (input === undefined && output === undefined) return undefined;
  const cacheRead = readNumber(usage, 'cacheReadInputTokens');
  const cacheWrite = readNumber(usage, 'cacheWriteInputTokens');
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
  };
}
