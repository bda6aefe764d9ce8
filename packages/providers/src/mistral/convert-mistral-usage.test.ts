import { describe, expect, it } from 'vitest';
import { convertMistralUsage } from './convert-mistral-usage.js';

describe('convertMistralUsage', () => {
  it('keeps cached and reasoning token details the SDK leaves under their wire names', () => {
    expect(
      convertMistralUsage({
        promptTokens: 20,
        completionTokens: 9,
        totalTokens: 29,
        prompt_tokens_details: { cached_tokens: 16 },
        completion_tokens_details: { reasoning_tokens: 7 },
      }),
    ).toEqual({
      prompt_tokens: 20,
      completion_tokens: 9,
      total_tokens: 29,
      prompt_tokens_details: { cached_tokens: 16 },
      completion_tokens_details: { reasoning_tokens: 7 },
    });
  });

  it('reads the older num_cached_tokens, and computes the total', () => {
    expect(convertMistralUsage({ promptTokens: 5, completionTokens: 2, num_cached_tokens: 3 })).toEqual({
      prompt_tokens: 5,
      completion_tokens: 2,
      total_tokens: 7,
      prompt_tokens_details: { cached_tokens: 3 },
    });
    expect(convertMistralUsage(undefined)).toBeUndefined();
  });
});
