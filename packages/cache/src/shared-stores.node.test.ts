import { PGlite } from '@electric-sql/pglite';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../../test-support/redis-server.js';
import { type CacheStore, cache, postgresStore, redisStore } from './index.js';

const messages = [{ role: 'user' as const, content: 'What is Kubernetes?' }];

/** Two gateways (think: two replicas) sharing one store. */
const replicas = (store: () => CacheStore) =>
  [1, 2].map(() => {
    const mock = mockProvider({ reply: 'Kubernetes orchestrates containers.' });
    const gateway = createGateway({ providers: { p: mock }, middleware: [cache({ store: store() })] });
    return { mock, gateway };
  });

describe('shared stores across replicas', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    redis = await startRedis();
    client = createClient({ url: redis.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.quit();
    await redis.stop();
  });

  it('Redis: an answer cached by one replica is a hit on the other, streamed or not, TTL kept by Redis', async () => {
    const [a, b] = replicas(() => redisStore(client, { prefix: 'replicas:' }));
    const streamed = await a?.gateway.chat.completions.create({ model: 'p/m', messages, stream: true });
    for await (const _chunk of streamed ?? []) {
      // drain
    }
    const served = await b?.gateway.chat.completions.create({ model: 'p/m', messages });
    expect(served?.switchyard.cache).toBe('hit');
    expect(served?.choices[0]?.message.content).toBe('Kubernetes orchestrates containers.');
    expect(b?.mock.calls).toHaveLength(0);
    const [key] = await client.keys('replicas:*');
    const ttl = await client.pTTL(key ?? '');
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it('PostgreSQL: the same through one table', async () => {
    const db = await PGlite.create();
    const [a, b] = replicas(() => postgresStore(db));
    await a?.gateway.chat.completions.create({ model: 'p/m', messages });
    expect((await b?.gateway.chat.completions.create({ model: 'p/m', messages }))?.switchyard.cache).toBe(
      'hit',
    );
    await db.close();
  }, 120_000);
});

describe('Redis outage', () => {
  it('degrades to a miss with a warning, never a failed request', async () => {
    const server = await startRedis();
    const client = createClient({ url: server.url, socket: { reconnectStrategy: 50 } });
    client.on('error', () => {}); // connection errors are expected here
    await client.connect();
    const mock = mockProvider({ reply: 'still answering' });
    const responseCache = cache({ store: redisStore(client), storeTimeoutMs: 300 });
    const gateway = createGateway({ providers: { p: mock }, middleware: [responseCache] });
    const ask = () => gateway.chat.completions.create({ model: 'p/m', messages });

    await ask();
    expect((await ask()).switchyard.cache).toBe('hit');
    await server.stop();

    const during = await ask();
    expect(during.choices[0]?.message.content).toBe('still answering');
    expect(during.switchyard.cache).toBe('miss');
    expect(during.switchyard.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: expect.stringMatching(/^Cache store read failed/) }),
      ]),
    );
    const streamed = await gateway.chat.completions.create({ model: 'p/m', messages, stream: true });
    let text = '';
    for await (const chunk of streamed) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('still answering');
    const stats = await responseCache.stats();
    expect(stats.storeErrors).toBeGreaterThanOrEqual(3);
    expect(stats.entries).toBeUndefined();
    client.destroy();
  });

  it('treats a store that rejects outright the same way', async () => {
    const broken = redisStore({
      sendCommand: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    });
    const gateway = createGateway({
      providers: { p: mockProvider() },
      middleware: [cache({ store: broken })],
    });
    const result = await gateway.chat.completions.create({ model: 'p/m', messages });
    expect(result.switchyard.cache).toBe('miss');
    expect(result.switchyard.warnings.map((warning) => warning.message)).toEqual([
      'Cache store read failed (connect ECONNREFUSED 127.0.0.1:6379); served without the cache.',
      'Cache store write failed (connect ECONNREFUSED 127.0.0.1:6379); served without the cache.',
    ]);
  });
});
