import { describe, expect, it } from 'vitest';
import { convertOpenAIUsage } from './convert-openai-usage.js';

describe('convertOpenAIUsage', () => {
  it('keeps only the detail fields that are present', () => {
    expect(
      convertOpenAIUsage({
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        prompt_tokens_details: { cached_tokens: 8 },
        completion_tokens_details: { reasoning_tokens: 3, unknown_tokens: 1 },
      }),
    ).toEqual({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 8 },
      completion_tokens_details: { reasoning_tokens: 3 },
    });
  });

  it('computes a missing total and reads DeepSeek cache hits', () => {
    expect(
      convertOpenAIUsage({ prompt_tokens: 7, completion_tokens: 2, prompt_cache_hit_tokens: 4 }),
    ).toEqual({
      prompt_tokens: 7,
      completion_tokens: 2,
      total_tokens: 9,
      prompt_tokens_details: { cached_tokens: 4 },
    });
  });

  it('returns undefined for null and for objects without token counts', () => {
    expect(convertOpenAIUsage(null)).toBeUndefined();
    expect(convertOpenAIUsage({})).toBeUndefined();
  });
});
