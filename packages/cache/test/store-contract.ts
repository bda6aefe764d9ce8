import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CacheRecord, CacheStore } from '../src/index.js';

export interface StoreFixture {
  store: CacheStore;
  teardown(): Promise<void>;
}

const record = (overrides: Partial<CacheRecord['meta']> = {}, body = '{"v":1}'): CacheRecord => {
  const now = Date.now();
  return {
    meta: {
      namespace: 'ns-a',
      provider: 'openai-primary',
      model: 'gpt-4o',
      prompt: 'What is Kubernetes?',
      createdAt: now,
      expiresAt: now + 60_000,
      ...overrides,
    },
    body,
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every `CacheStore` must have; run against memory, Redis and PostgreSQL. */
export function describeStoreContract(name: string, setup: () => Promise<StoreFixture>): void {
  describe(`${name}: store contract`, () => {
    let fixture: StoreFixture;
    let store: CacheStore;

    // Starting a server or a WASM database can take a while on a loaded machine.
    beforeAll(async () => {
      fixture = await setup();
      store = fixture.store;
    }, 120_000);
    afterAll(async () => {
      await fixture?.teardown();
    }, 60_000);
    beforeEach(async () => {
      await store.clear();
    });

    it('returns what was set, and undefined for unknown keys', async () => {
      await store.set('ns-a:1', record({}, '{"answer":"ünïcödé ✓"}'), 60_000);
      expect(await store.get('ns-a:1')).toBe('{"answer":"ünïcödé ✓"}');
      expect(await store.get('ns-a:2')).toBeUndefined();
    });

    it('replaces an entry set again under the same key', async () => {
      await store.set('ns-a:1', record({}, '"first"'), 60_000);
      await store.set('ns-a:1', record({}, '"second"'), 60_000);
      expect(await store.get('ns-a:1')).toBe('"second"');
      expect((await store.size()).entries).toBe(1);
    });

    it('expires entries after their TTL', async () => {
      await store.set('ns-a:short', record(), 150);
      await store.set('ns-a:long', record(), 60_000);
      expect(await store.get('ns-a:short')).toBeDefined();
      await sleep(300);
      expect(await store.get('ns-a:short')).toBeUndefined();
      expect(await store.get('ns-a:long')).toBeDefined();
    });

    it('counts entries and bytes', async () => {
      expect(await store.size()).toEqual({ entries: 0, bytes: 0 });
      await store.set('ns-a:1', record({}, 'x'.repeat(1000)), 60_000);
      await store.set('ns-a:2', record({}, 'y'.repeat(10)), 60_000);
      const size = await store.size();
      expect(size.entries).toBe(2);
      expect(size.bytes).toBeGreaterThanOrEqual(1010);
    });

    it('invalidates by pattern (case-insensitive substring), provider, model, namespace and age', async () => {
      const old = Date.now() - 10_000;
      await store.set('ns-a:k8s', record({ prompt: 'What is KUBERNETES? 100%_sure' }), 60_000);
      await store.set(
        'ns-a:docker',
        record({ prompt: 'What is Docker?', provider: 'anthropic-primary' }),
        60_000,
      );
      await store.set(
        'ns-b:k8s',
        record({ namespace: 'ns-b', prompt: 'kubernetes pods', model: 'gpt-4o-mini' }),
        60_000,
      );
      await store.set('ns-a:old', record({ prompt: 'old question', createdAt: old }), 60_000);

      expect(await store.invalidate({ pattern: '100%_' })).toEqual(['ns-a:k8s']);
      expect(await store.invalidate({ pattern: 'kubernetes', provider: 'anthropic-primary' })).toEqual([]);
      expect(await store.invalidate({ provider: 'anthropic-primary' })).toEqual(['ns-a:docker']);
      expect(await store.invalidate({ olderThan: old + 1 })).toEqual(['ns-a:old']);
      expect(await store.invalidate({ namespace: 'ns-a' })).toEqual([]);
      expect(await store.invalidate({ model: 'gpt-4o-mini', namespace: 'ns-b' })).toEqual(['ns-b:k8s']);
      expect((await store.size()).entries).toBe(0);
    });

    it('invalidates everything with an empty filter, and clear() empties the store', async () => {
      await store.set('ns-a:1', record(), 60_000);
      await store.set('ns-b:1', record({ namespace: 'ns-b' }), 60_000);
      expect((await store.invalidate({})).sort()).toEqual(['ns-a:1', 'ns-b:1']);
      await store.set('ns-a:1', record(), 60_000);
      await store.clear();
      expect(await store.get('ns-a:1')).toBeUndefined();
    });
  });
}
