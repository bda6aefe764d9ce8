import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableEmbedder } from '../test/table-embedder.js';
import { cache } from './index.js';

const setup = () => {
  const responseCache = cache({ namespace: 'tenant' });
  const gateway = createGateway({
    providers: {
      'openai-primary': mockProvider(),
      'anthropic-primary': mockProvider({ provider: 'anthropic' }),
    },
    middleware: [responseCache],
  });
  const ask = (model: string, content: string, tenant = 't1') =>
    gateway.chat.completions.create(
      { model, messages: [{ role: 'user', content }] },
      { metadata: { tenant } },
    );
  return { responseCache, ask };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('invalidate', () => {
  it('by pattern and provider, as in the reference article', async () => {
    const { responseCache, ask } = setup();
    await ask('openai-primary/gpt-4o', 'What is Kubernetes?');
    await ask('anthropic-primary/claude', 'Explain kubernetes pods');
    await ask('openai-primary/gpt-4o', 'What is Docker?');
    expect(await responseCache.invalidate({ pattern: 'kubernetes', provider: 'openai-primary' })).toBe(1);
    expect((await ask('openai-primary/gpt-4o', 'What is Kubernetes?')).switchyard.cache).toBe('miss');
    expect((await ask('anthropic-primary/claude', 'Explain kubernetes pods')).switchyard.cache).toBe('hit');
    expect((await ask('openai-primary/gpt-4o', 'What is Docker?')).switchyard.cache).toBe('hit');
  });

  it('by model, namespace and age', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { responseCache, ask } = setup();
    await ask('openai-primary/gpt-4o', 'old');
    const cutoff = new Date(Date.now() + 1);
    vi.setSystemTime(Date.now() + 10_000);
    await ask('openai-primary/gpt-4o-mini', 'new');
    await ask('openai-primary/gpt-4o', 'tenant two', 't2');
    expect(await responseCache.invalidate({ olderThan: cutoff })).toBe(1);
    expect(await responseCache.invalidate({ model: 'gpt-4o-mini' })).toBe(1);
    expect(await responseCache.invalidate({ namespace: 't1' })).toBe(0);
    expect(await responseCache.invalidate({ namespace: 't2' })).toBe(1);
    expect((await responseCache.stats()).entries).toBe(0);
  });

  it('also removes semantic matches from the vector index', async () => {
    const embed = tableEmbedder({ 'What is Kubernetes?': [1, 0], 'Explain Kubernetes to me': [0.99, 0.141] });
    const responseCache = cache({ mode: 'semantic', embed });
    const gateway = createGateway({ providers: { p: mockProvider() }, middleware: [responseCache] });
    const ask = (content: string) =>
      gateway.chat.completions.create({ model: 'p/m', messages: [{ role: 'user', content }] });
    await ask('What is Kubernetes?');
    expect(await responseCache.invalidate({ pattern: 'KUBERNETES' })).toBe(1);
    expect((await ask('Explain Kubernetes to me')).switchyard.cache).toBe('miss');
  });
});
