import { describe, expect, it } from 'vitest';
import { convertBedrockUsage } from './convert-bedrock-usage.js';

describe('convertBedrockUsage', () => {
  it('counts cache reads and writes into prompt_tokens, and cache reads as cached_tokens', () => {
    expect(
      convertBedrockUsage({
        inputTokens: 14,
        outputTokens: 9,
        cacheReadInputTokens: 1843,
        cacheWriteInputTokens: 120,
        totalTokens: 1986,
      }),
    ).toEqual({
      prompt_tokens: 1977,
      completion_tokens: 9,
      total_tokens: 1986,
      prompt_tokens_details: { cached_tokens: 1843, cache_write_tokens: 120 },
    });
  });

  it('reports no details when Bedrock sends no cache counts', () => {
    expect(
      convertBedrockUsage({ inputTokens: 12, outputTokens: 5, serverToolUsage: {}, totalTokens: 17 }),
    ).toEqual({
      prompt_tokens: 12,
      completion_tokens: 5,
      total_tokens: 17,
    });
  });

  it('returns undefined without token counts', () => {
    expect(convertBedrockUsage(undefined)).toBeUndefined();
    expect(convertBedrockUsage({ serverToolUsage: {} })).toBeUndefined();
  });
});
