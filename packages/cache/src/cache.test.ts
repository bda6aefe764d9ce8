import { type ChatMessage, conditional, createGateway, fallback, type Middleware } from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CACHE_NO_STORE_LOCAL, type CacheOptions, type CacheStore, cache, memoryStore } from './index.js';

const ask = (content: string): Array<ChatMessage> => [{ role: 'user', content }];

const setup = (options: CacheOptions = {}, extra: Array<Middleware> = []) => {
  const mock = mockProvider({
    reply: (call) => `answer #${mock.calls.length} to ${JSON.stringify(call.request.messages)}`,
  });
  const responseCache = cache(options);
  const gateway = createGateway({
    providers: { 'openai-primary': mock },
    middleware: [responseCache, ...extra],
    pricing: ({ usage }) => usage.total_tokens * 0.001,
  });
  const create = (body: Record<string, unknown>, requestOptions = {}) =>
    gateway.chat.completions.create(
      { model: 'openai-primary/gpt-4o', messages: ask('What is Kubernetes?'), ...body },
      requestOptions,
    );
  return { mock, responseCache, gateway, create };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('exact cache', () => {
  it('answers a repeated request from the cache without calling the provider', async () => {
    const { mock, create } = setup();
    const first = await create({});
    const second = await create({});
    expect(mock.calls).toHaveLength(1);
    expect(first.switchyard.cache).toBe('miss');
    expect(second.switchyard.cache).toBe('hit');
    expect(second.choices).toEqual(first.choices);
    expect(second.id).toBe(first.id);
    expect(second.switchyard).toMatchObject({ provider: 'openai-primary', model: 'gpt-4o', attempts: [] });
    // A hit costs nothing; the token counts are the original call's.
    expect(first.usage?.estimated_cost).toBeGreaterThan(0);
    expect(second.usage).toEqual({ ...first.usage, estimated_cost: 0 });
  });

  it('keys on content, not on the order of object keys', async () => {
    const { mock, gateway } = setup();
    await gateway.chat.completions.create({
      model: 'openai-primary/gpt-4o',
      temperature: 0.2,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'a', schema: { type: 'object', required: ['x'] } },
      },
      messages: [{ role: 'user', content: 'hi', name: 'u' }],
    });
    const reordered = await gateway.chat.completions.create({
      messages: [{ name: 'u', content: 'hi', role: 'user' }],
      response_format: {
        json_schema: { schema: { required: ['x'], type: 'object' }, name: 'a' },
        type: 'json_schema',
      },
      temperature: 0.2,
      model: 'openai-primary/gpt-4o',
    });
    expect(reordered.switchyard.cache).toBe('hit');
    expect(mock.calls).toHaveLength(1);
  });

  it('misses when any answer-changing field differs, and ignores attribution fields', async () => {
    const { mock, create } = setup();
    await create({ temperature: 0.2 });
    expect((await create({ temperature: 0.3 })).switchyard.cache).toBe('miss');
    expect((await create({ temperature: 0.2, max_tokens: 10 })).switchyard.cache).toBe('miss');
    expect((await create({ temperature: 0.2, seed: 1 })).switchyard.cache).toBe('miss');
    expect((await create({ temperature: 0.2, messages: ask('What is Kubernetes') })).switchyard.cache).toBe(
      'miss',
    );
    expect((await create({ temperature: 0.2, model: 'openai-primary/gpt-4o-mini' })).switchyard.cache).toBe(
      'miss',
    );
    expect(mock.calls).toHaveLength(6);
    const attributed = await create({
      temperature: 0.2,
      user: 'u-9',
      metadata: { a: 'b' },
      temperature_unused: undefined,
    });
    expect(attributed.switchyard.cache).toBe('hit');
    expect((await create({ temperature: 0.2, top_p: null })).switchyard.cache).toBe('hit'); // null means default
  });

  it('keys on the targets a conditional route picks: users sent to different models never share answers', async () => {
    const big = mockProvider({ reply: (call) => `big ${call.modelId}` });
    const small = mockProvider({ reply: (call) => `small ${call.modelId}` });
    const smart = conditional({
      rules: [
        {
          when: ({ request }) => request.user === 'code-assistant',
          target: { provider: 'big', model: 'gpt-4o' },
        },
        { when: ({ metadata }) => metadata.tier === 'gold', target: { provider: 'big', model: 'gpt-4o' } },
      ],
      default: { provider: 'small', model: 'gpt-4o-mini' },
    });
    const gateway = createGateway({
      providers: { big, small },
      // Nested in a fallback, the conditional is keyed on its branch too.
      routes: { smart, resilient: fallback([smart]) },
      middleware: [cache()],
    });
    const create = (model: string, user: string, metadata: Record<string, string> = {}) =>
      gateway.chat.completions.create({ model, user, messages: ask('Same question') }, { metadata });

    for (const route of ['smart', 'resilient']) {
      big.reset();
      small.reset();
      const vip = await create(route, 'code-assistant');
      expect(vip.switchyard).toMatchObject({ cache: 'miss', provider: 'big', model: 'gpt-4o' });
      const other = await create(route, 'someone-else');
      expect(other.switchyard).toMatchObject({ cache: 'miss', provider: 'small', model: 'gpt-4o-mini' });
      expect(other.choices[0]?.message.content).toBe('small gpt-4o-mini');
      const gold = await create(route, 'someone-else', { tier: 'gold' });
      expect(gold.switchyard).toMatchObject({ cache: 'hit', provider: 'big', model: 'gpt-4o' });
      expect(gold.choices).toEqual(vip.choices);
      // `user` itself is not in the key: another user routed to the same target shares its entry.
      const third = await create(route, 'a-third-user');
      expect(third.switchyard).toMatchObject({ cache: 'hit', provider: 'small' });
      expect(third.choices).toEqual(other.choices);
      expect([big.calls.length, small.calls.length]).toEqual([1, 1]);
    }
  });

  it('keeps tenants apart by the namespace metadata key', async () => {
    const { mock, create } = setup({ namespace: 'tenant' });
    await create({}, { metadata: { tenant: 'acme' } });
    expect((await create({}, { metadata: { tenant: 'globex' } })).switchyard.cache).toBe('miss');
    expect((await create({}, { metadata: { tenant: 'acme' } })).switchyard.cache).toBe('hit');
    expect((await create({})).switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(3);
  });

  it('defaults the namespace to the api_key_id metadata, and never stores the raw value', async () => {
    const written: Array<string> = [];
    const inner = memoryStore();
    const spy: CacheStore = {
      ...inner,
      set: (key, record, ttlMs) => {
        written.push(key, JSON.stringify(record));
        return inner.set(key, record, ttlMs);
      },
    };
    const { create, responseCache } = setup({ store: spy });
    await create({}, { metadata: { api_key_id: 'sk-canary-1234567890' } });
    expect(written.join('\n')).not.toContain('sk-canary');
    expect((await create({}, { metadata: { api_key_id: 'sk-other' } })).switchyard.cache).toBe('miss');
    expect(await responseCache.invalidate({ namespace: 'sk-canary-1234567890' })).toBe(1);
  });

  it('expires entries after ttl seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { mock, create } = setup({ ttl: 60 });
    await create({});
    vi.setSystemTime(Date.now() + 59_000);
    expect((await create({})).switchyard.cache).toBe('hit');
    vi.setSystemTime(Date.now() + 2_000);
    expect((await create({})).switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(2);
  });

  it('evicts the least recently used entry beyond maxSize', async () => {
    const { create } = setup({ maxSize: 2 });
    await create({ messages: ask('a') });
    await create({ messages: ask('b') });
    await create({ messages: ask('c') });
    expect((await create({ messages: ask('a') })).switchyard.cache).toBe('miss');
    expect((await create({ messages: ask('c') })).switchyard.cache).toBe('hit');
  });

  it('honours per-request options: off, ttl and forceRefresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { mock, create } = setup({ ttl: 3600 });
    expect((await create({}, { cache: { mode: 'off' } })).switchyard.cache).toBe('bypass');
    await create({}, { cache: { ttl: 5 } });
    vi.setSystemTime(Date.now() + 6_000);
    expect((await create({})).switchyard.cache).toBe('miss');
    const refreshed = await create({}, { cache: { forceRefresh: true } });
    expect(refreshed.switchyard.cache).toBe('miss');
    const after = await create({});
    expect(after.switchyard.cache).toBe('hit');
    expect(after.choices).toEqual(refreshed.choices);
    expect(mock.calls).toHaveLength(4);
  });

  it('is a no-op when disabled, whatever the request asks', async () => {
    const { mock, create } = setup({ enabled: false });
    await create({});
    const second = await create({}, { cache: { mode: 'exact' } });
    expect(second.switchyard.cache).toBe('bypass');
    expect(mock.calls).toHaveLength(2);
  });

  it('never caches errors', async () => {
    const mock = mockProvider({
      reply: [faultReply({ status: 400, body: { error: { message: 'bad' } } }), 'fine'],
    });
    const gateway = createGateway({ providers: { p: mock }, middleware: [cache()], maxRetries: 0 });
    const body = { model: 'p/m', messages: ask('x') };
    await expect(gateway.chat.completions.create(body)).rejects.toThrow();
    const second = await gateway.chat.completions.create(body);
    expect(second.switchyard.cache).toBe('miss');
    expect(second.choices[0]?.message.content).toBe('fine');
  });

  it('never caches a response blocked by an inner middleware, nor one flagged no-store', async () => {
    let block = true;
    const outputGuard: Middleware = {
      name: 'guard',
      stages: {
        output: async (state, next) => {
          const result = await next();
          if (block) throw new Error('blocked by guardrail');
          if (state.request.temperature === 0) state.locals.set(CACHE_NO_STORE_LOCAL, true);
          return result;
        },
      },
    };
    const { mock, create } = setup({}, [outputGuard]);
    await expect(create({})).rejects.toThrow('blocked by guardrail');
    block = false;
    expect((await create({})).switchyard.cache).toBe('miss');
    await create({ temperature: 0 });
    expect((await create({ temperature: 0 })).switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(4);
  });

  it('reports stats: hits, misses, hit rate, entries, bytes and savings', async () => {
    const { create, responseCache } = setup();
    const first = await create({});
    await create({});
    await create({});
    await create({}, { cache: { mode: 'off' } });
    const stats = await responseCache.stats();
    expect(stats).toMatchObject({
      hits: 2,
      semanticHits: 0,
      misses: 1,
      bypassed: 1,
      entries: 1,
      storeErrors: 0,
    });
    expect(stats.hitRate).toBeCloseTo(2 / 3);
    expect(stats.bytes).toBeGreaterThan(100);
    expect(stats.savedTokens).toBe(2 * (first.usage?.total_tokens ?? 0));
    expect(stats.savedUsd).toBeCloseTo(2 * (first.usage?.estimated_cost ?? 0));
    await responseCache.clear();
    expect(await responseCache.stats()).toMatchObject({ hits: 0, misses: 0, entries: 0 });
  });

  it('works over HTTP: x-switchyard-cache selects the mode and the status comes back as a header', async () => {
    const { gateway } = setup();
    const post = (headers: Record<string, string> = {}) =>
      gateway.fetch('http://switchyard.local/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model: 'openai-primary/gpt-4o', messages: ask('over http') }),
      });
    expect((await post()).headers.get('x-switchyard-cache')).toBe('miss');
    const hit = await post();
    expect(hit.headers.get('x-switchyard-cache')).toBe('hit');
    expect(await hit.json()).toMatchObject({ switchyard: { cache: 'hit' } });
    expect((await post({ 'x-switchyard-cache': 'off' })).headers.get('x-switchyard-cache')).toBe('bypass');
  });

  it('rejects impossible options', () => {
    expect(() => cache({ mode: 'semantic' })).toThrow(/embed/);
    expect(() => cache({ similarityThreshold: 1.5 })).toThrow(/similarityThreshold/);
    expect(() => cache({ ttl: 0 })).toThrow(/ttl/);
  });
});
