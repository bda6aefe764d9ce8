import { describe, expect, it } from 'vitest';
import { convertCohereUsage } from './convert-cohere-usage.js';

describe('convertCohereUsage', () => {
  it('reports billed units, not the raw counts that include Cohere’s own prompt', () => {
    expect(
      convertCohereUsage({
        billedUnits: { inputTokens: 8, outputTokens: 50 },
        tokens: { inputTokens: 1394, outputTokens: 54 },
        cachedTokens: 1360,
      }),
    ).toEqual({ prompt_tokens: 8, completion_tokens: 50, total_tokens: 58 });
  });

  it('falls back to the raw counts without billed units', () => {
    expect(convertCohereUsage({ tokens: { inputTokens: 12, outputTokens: 3 } })).toEqual({
      prompt_tokens: 12,
      completion_tokens: 3,
      total_tokens: 15,
    });
    expect(convertCohereUsage(undefined)).toBeUndefined();
    expect(convertCohereUsage({})).toBeUndefined();
  });
});
