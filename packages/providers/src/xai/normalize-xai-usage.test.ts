import { describe, expect, it } from 'vitest';
import { normalizeXaiUsage } from './normalize-xai-usage.js';

describe('normalizeXaiUsage', () => {
  it('adds reasoning tokens that xAI reports outside completion_tokens', () => {
    expect(
      normalizeXaiUsage({
        prompt_tokens: 19,
        completion_tokens: 9,
        total_tokens: 262,
        completion_tokens_details: { reasoning_tokens: 234 },
      }),
    ).toEqual({
      prompt_tokens: 19,
      completion_tokens: 243,
      total_tokens: 262,
      completion_tokens_details: { reasoning_tokens: 234 },
    });
  });

  it('leaves usage that already counts them (or has none) unchanged', () => {
    const counted = {
      prompt_tokens: 19,
      completion_tokens: 243,
      total_tokens: 262,
      completion_tokens_details: { reasoning_tokens: 234 },
    };
    expect(normalizeXaiUsage(counted)).toBe(counted);
    const plain = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    expect(normalizeXaiUsage(plain)).toBe(plain);
  });
});
