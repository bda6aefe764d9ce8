import type { CompletionUsage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { computeCost, createPriceTable, pricing } from '../index.js';

// 10 000 prompt tokens of which 4 000 cached; 2 000 completion tokens of which 500 reasoning.
const usage: CompletionUsage = {
  prompt_tokens: 10_000,
  completion_tokens: 2_000,
  total_tokens: 12_000,
  prompt_tokens_details: { cached_tokens: 4_000 },
  completion_tokens_details: { reasoning_tokens: 500 },
};

// USD per token from model_prices_and_context_window.json: [input, output, cache read].
// Expected = 6 000 × input + 4 000 × (cache read ?? input) + 2 000 × output (reasoning billed as output).
const cases: ReadonlyArray<[provider: string, model: string, prices: [number, number, number | null]]> = [
  ['openai', 'gpt-4o', [2.5e-6, 1e-5, 1.25e-6]],
  ['openai', 'o3-mini', [1.1e-6, 4.4e-6, 5.5e-7]],
  ['azure', 'gpt-4o', [2.5e-6, 1e-5, 1.25e-6]],
  ['anthropic', 'claude-sonnet-4-5-20250929', [3e-6, 1.5e-5, 3e-7]],
  ['google', 'gemini-2.5-pro', [1.25e-6, 1e-5, 3.125e-7]],
  ['mistral', 'magistral-medium-2506', [2e-6, 5e-6, null]],
  ['cohere', 'command-r-plus', [2.5e-6, 1e-5, null]],
  ['bedrock', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', [3e-6, 1.5e-5, 3e-7]],
  ['groq', 'openai/gpt-oss-120b', [1.5e-7, 7.5e-7, null]],
  ['together', 'deepseek-ai/DeepSeek-R1', [3e-6, 7e-6, null]],
  ['fireworks', 'accounts/fireworks/models/deepseek-r1', [3e-6, 8e-6, null]],
  ['deepseek', 'deepseek-reasoner', [6e-7, 1.7e-6, 6e-8]],
  ['xai', 'grok-3-mini', [3e-7, 5e-7, null]],
  ['perplexity', 'sonar-reasoning', [1e-6, 5e-6, null]],
  ['openrouter', 'openai/o3-mini', [1.1e-6, 4.4e-6, null]],
  ['cerebras', 'qwen-3-32b', [4e-7, 8e-7, null]],
  ['deepinfra', 'deepseek-ai/DeepSeek-R1', [7e-7, 2.4e-6, null]],
  ['ollama', 'llama3.1', [0, 0, null]],
];

describe('pricing: cost per provider with cached and reasoning tokens', () => {
  it.each(cases)('%s %s', (provider, model, [input, output, cacheRead]) => {
    const expected = 6_000 * input + 4_000 * (cacheRead ?? input) + 2_000 * output;
    const cost = pricing({ provider, providerKey: `${provider}-primary`, model, usage });
    expect(cost).toBeCloseTo(expected, 12);
  });

  it('bills cached tokens at the cache-read price, not the input price', () => {
    const uncached = pricing({
      provider: 'openai',
      providerKey: 'openai',
      model: 'gpt-4o',
      usage: { ...usage, prompt_tokens_details: {} },
    });
    const cached = pricing({ provider: 'openai', providerKey: 'openai', model: 'gpt-4o', usage });
    // 4 000 tokens at 1.25e-6 instead of 2.5e-6.
    expect((uncached ?? 0) - (cached ?? 0)).toBeCloseTo(0.005, 12);
  });

  it('bills reasoning tokens at the reasoning price when a model has one, else as output', () => {
    const price = { input: 1e-6, output: 2e-6 };
    expect(computeCost(price, usage)).toBeCloseTo(10_000e-6 + 2_000 * 2e-6, 12);
    expect(computeCost({ ...price, reasoning: 5e-6 }, usage)).toBeCloseTo(
      10_000e-6 + 1_500 * 2e-6 + 500 * 5e-6,
      12,
    );
  });

  it('bills cache writes at the cache-write price when usage reports them', () => {
    const cost = createPriceTable().cost({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      usage: {
        prompt_tokens: 3_000,
        completion_tokens: 0,
        prompt_tokens_details: { cached_tokens: 1_000, cache_write_tokens: 1_000 },
      },
    });
    expect(cost).toBeCloseTo(1_000 * 3e-6 + 1_000 * 3e-7 + 1_000 * 3.75e-6, 12);
  });

  it('uses the long-prompt tier above its threshold', () => {
    const long = { prompt_tokens: 250_000, completion_tokens: 1_000, total_tokens: 251_000 };
    const cost = pricing({ provider: 'google', providerKey: 'google', model: 'gemini-2.5-pro', usage: long });
    expect(cost).toBeCloseTo(250_000 * 2.5e-6 + 1_000 * 1.5e-5, 10);
  });

  it('returns undefined (never 0) for a model it does not know', () => {
    expect(
      pricing({ provider: 'openai', providerKey: 'openai', model: 'no-such-model-xyz', usage }),
    ).toBeUndefined();
    // Self-hosted servers have no per-token price.
    expect(pricing({ provider: 'vllm', providerKey: 'vllm', model: 'gpt-4o', usage })).toBeUndefined();
  });
});
