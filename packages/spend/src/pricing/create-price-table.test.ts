import { InvalidConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createPriceTable } from '../index.js';

const table = createPriceTable();
const found = (model: string, provider?: string, providerKey?: string) =>
  table.lookup({ model, provider, providerKey })?.model;

describe('createPriceTable: resolving model ids', () => {
  it('finds dated snapshots, and prices unknown snapshots like their model', () => {
    expect(found('gpt-4o-2024-08-06', 'openai')).toBe('gpt-4o-2024-08-06');
    expect(table.lookup({ provider: 'openai', model: 'gpt-4o-2024-08-06' })).toMatchObject({
      input: 2.5e-6,
      output: 1e-5,
    });
    expect(found('gpt-4o-2099-01-01', 'openai')).toBe('gpt-4o');
    // An undated alias resolves to the latest snapshot.
    expect(found('claude-sonnet-4', 'anthropic')).toBe('claude-sonnet-4-20250514');
    expect(found('claude-3-5-sonnet@20240620')).toBe('claude-3-5-sonnet-20240620');
  });

  it('resolves provider prefixes and namespaced ids', () => {
    expect(found('anthropic/claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5-20250929');
    expect(found('openai/gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(found('gemini/gemini-2.5-flash')).toBe('gemini/gemini-2.5-flash');
    expect(found('anthropic/claude-3.5-sonnet', 'openrouter')).toBe('openrouter/anthropic/claude-3.5-sonnet');
    expect(found('meta-llama/Llama-3.3-70B-Instruct-Turbo', 'together')).toBe(
      'together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo',
    );
  });

  it('resolves Bedrock model ids, cross-region profiles and ARNs', () => {
    expect(found('anthropic.claude-3-5-sonnet-20240620-v1:0', 'bedrock')).toBe(
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
    );
    expect(found('eu.anthropic.claude-3-7-sonnet-20250219-v1:0', 'bedrock')).toBe(
      'eu.anthropic.claude-3-7-sonnet-20250219-v1:0',
    );
    expect(
      found(
        'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0',
        'bedrock',
      ),
    ).toBe('us.anthropic.claude-sonnet-4-20250514-v1:0');
  });

  it('uses the provider family, the provider key, or every family in a sensible order', () => {
    expect(table.lookup({ provider: 'google', model: 'gemini-2.5-pro' })?.provider).toBe('google');
    expect(table.lookup({ providerKey: 'azure-eastus', model: 'gpt-4o' })?.provider).toBe('azure');
    // Azure deployments of OpenAI models without an Azure row fall back to OpenAI's price.
    expect(table.lookup({ provider: 'azure', model: 'gpt-4o-mini-search-preview' })?.provider).toBe('openai');
    // An unknown provider (a mock, a custom OpenAI-compatible server) searches first-party vendors first.
    expect(table.lookup({ provider: 'mock', providerKey: 'local', model: 'gpt-4o' })?.provider).toBe(
      'openai',
    );
    expect(found('ft:gpt-4o-mini-2024-07-18:acme::abc123', 'openai')).toBe('ft:gpt-4o-mini-2024-07-18');
  });

  it('knows nothing about unknown models or self-hosted servers', () => {
    expect(table.lookup({ provider: 'openai', model: 'definitely-not-a-model' })).toBeUndefined();
    expect(table.lookup({ provider: 'vllm', model: 'gpt-4o' })).toBeUndefined();
    expect(table.lookup({ provider: 'lmstudio', model: 'llama3.1' })).toBeUndefined();
  });
});

describe('createPriceTable: overrides and custom models', () => {
  it('merges overrides over the generated price, by model or provider/model', () => {
    const custom = createPriceTable({
      prices: { 'gpt-4o': { input: 2e-6 }, 'azure/my-deployment': { input: 1e-6, output: 4e-6 } },
    });
    expect(custom.lookup({ provider: 'openai', model: 'gpt-4o' })).toMatchObject({
      input: 2e-6,
      output: 1e-5,
      cacheRead: 1.25e-6,
      source: 'override',
    });
    expect(custom.lookup({ provider: 'azure', model: 'my-deployment' })).toMatchObject({
      input: 1e-6,
      source: 'custom',
    });
    expect(custom.lookup({ providerKey: 'azure', model: 'my-deployment' })?.output).toBe(4e-6);
    // The default table is untouched.
    expect(table.lookup({ provider: 'openai', model: 'gpt-4o' })?.input).toBe(2.5e-6);
  });

  it('adds custom models and prices them', () => {
    const custom = createPriceTable({
      prices: { 'acme-llm': { input: 1e-6, output: 3e-6, cacheRead: 1e-7 } },
    });
    const cost = custom.cost({
      provider: 'openai-compatible',
      model: 'acme-llm',
      usage: { prompt_tokens: 1_000, completion_tokens: 100, prompt_tokens_details: { cached_tokens: 500 } },
    });
    expect(cost).toBeCloseTo(500 * 1e-6 + 500 * 1e-7 + 100 * 3e-6, 12);
  });

  it('rejects partial prices for unknown models and invalid numbers', () => {
    expect(() => createPriceTable({ prices: { 'acme-llm': { input: 1e-6 } } })).toThrow(InvalidConfigError);
    expect(() => createPriceTable({ prices: { 'gpt-4o': { input: -1 } } })).toThrow(/non-negative/);
  });
});
