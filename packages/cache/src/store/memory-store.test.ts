import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../test/store-contract.js';
import { memoryStore } from './memory-store.js';

describeStoreContract('memoryStore', async () => ({ store: memoryStore(), teardown: async () => {} }));

const record = (prompt: string, body: string) => ({
  meta: {
    namespace: 'ns',
    provider: 'p',
    model: 'm',
    prompt,
    createdAt: Date.now(),
    expiresAt: Date.now() + 60_000,
  },
  body,
});

describe('memoryStore bounds', () => {
  it('evicts the least recently used entry beyond maxSize', async () => {
    const store = memoryStore({ maxSize: 2 });
    await store.set('ns:a', record('a', '"a"'), 60_000);
    await store.set('ns:b', record('b', '"b"'), 60_000);
    await store.get('ns:a'); // a is now more recent than b
    await store.set('ns:c', record('c', '"c"'), 60_000);
    expect(await store.get('ns:a')).toBe('"a"');
    expect(await store.get('ns:b')).toBeUndefined();
    expect(await store.get('ns:c')).toBe('"c"');
  });

  it('evicts by bytes beyond maxBytes', async () => {
    const store = memoryStore({ maxBytes: 3_000 });
    await store.set('ns:a', record('a', 'x'.repeat(1_000)), 60_000);
    await store.set('ns:b', record('b', 'y'.repeat(1_000)), 60_000);
    await store.set('ns:c', record('c', 'z'.repeat(1_000)), 60_000);
    const { entries, bytes } = await store.size();
    expect(entries).toBe(2);
    expect(bytes).toBeLessThanOrEqual(3_000);
    expect(await store.get('ns:a')).toBeUndefined();
  });
});
