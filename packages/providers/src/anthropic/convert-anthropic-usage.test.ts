import { describe, expect, it } from 'vitest';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';

describe('convertAnthropicUsage', () => {
  it('counts uncached, cache-read and cache-write input tokens as prompt tokens; cache reads are cached_tokens', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 37,
        cache_creation_input_tokens: 512,
        cache_read_input_tokens: 2048,
        output_tokens: 118,
        output_tokens_details: { thinking_tokens: 74 },
        service_tier: 'standard',
      }),
    ).toEqual({
      prompt_tokens: 2597,
      completion_tokens: 118,
      total_tokens: 2715,
      prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 512 },
      completion_tokens_details: { reasoning_tokens: 74 },
    });
  });

  it('reads usage without cache or thinking fields (older API versions, proxies)', () => {
    expect(convertAnthropicUsage({ input_tokens: 11, output_tokens: 6 })).toEqual({
      prompt_tokens: 11,
      completion_tokens: 6,
      total_tokens: 17,
    });
  });

  it('treats null cache counts as absent and returns undefined when there are no token counts', () => {
    expect(
      convertAnthropicUsage({ input_tokens: 5, output_tokens: 1, cache_read_input_tokens: null }),
    ).not.toHaveProperty('prompt_tokens_details');
    expect(convertAnthropicUsage({ service_tier: 'standard' })).toBeUndefined();
    expect(convertAnthropicUsage(null)).toBeUndefined();
  });
});
