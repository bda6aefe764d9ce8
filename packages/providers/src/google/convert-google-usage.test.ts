import { describe, expect, it } from 'vitest';
import { convertGoogleUsage } from './convert-google-usage.js';

describe('convertGoogleUsage', () => {
  it('counts thoughts as completion (and reasoning) tokens and keeps cached tokens inside prompt tokens', () => {
    expect(
      convertGoogleUsage({
        promptTokenCount: 1200,
        cachedContentTokenCount: 1024,
        candidatesTokenCount: 40,
        thoughtsTokenCount: 300,
        toolUsePromptTokenCount: 25,
        totalTokenCount: 1565,
      }),
    ).toEqual({
      prompt_tokens: 1225,
      completion_tokens: 340,
      total_tokens: 1565,
      prompt_tokens_details: { cached_tokens: 1024 },
      completion_tokens_details: { reasoning_tokens: 300 },
    });
  });

  it('handles a response without candidates tokens (a blocked prompt) and rejects non-usage', () => {
    expect(convertGoogleUsage({ promptTokenCount: 9, totalTokenCount: 9 })).toEqual({
      prompt_tokens: 9,
      completion_tokens: 0,
      total_tokens: 9,
    });
    expect(convertGoogleUsage({ totalTokenCount: 9 })).toBeUndefined();
    expect(convertGoogleUsage(null)).toBeUndefined();
  });
});
