import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../../../../test-support/redis-server.js';
import { CircuitOpenError } from '../../errors/gateway-errors.js';
import { createGateway } from '../../gateway/create-gateway.js';
import { mockProvider } from '../../testing/mock-provider.js';
import { single } from '../single.js';
import { redisCircuitStore } from './redis-circuit-store.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

describe('circuit state shared through a real Redis', () => {
  let redis: RunningRedis;
  const clients: Array<{ quit(): Promise<unknown> }> = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis.stop();
  });

  const replica = async (provider: ReturnType<typeof mockProvider>, now: () => number) => {
    const client = createClient({ url: redis.url });
    await client.connect();
    clients.push(client);
    return createGateway({
      providers: { upstream: provider },
      routes: { r: single({ provider: 'upstream', model: 'm' }) },
      maxRetries: 0,
      circuitBreaker: {
        failureThreshold: 2,
        cooldownMs: 5_000,
        store: redisCircuitStore(client, { prefix: `t${Date.now()}:` }),
        now,
      },
    });
  };

  it('two gateway instances open, short-circuit, probe and close together', async () => {
    let now = 1_000_000;
    const clock = () => now;
    const upstreamA = mockProvider({ reply: { fault: { status: 503 } } });
    const upstreamB = mockProvider({ reply: { fault: { status: 503 } } });
    const prefix = `shared-${Date.now()}:`;
    const make = async (provider: ReturnType<typeof mockProvider>) => {
      const client = createClient({ url: redis.url });
      await client.connect();
      clients.push(client);
      return createGateway({
        providers: { upstream: provider },
        routes: { r: single({ provider: 'upstream', model: 'm' }) },
        maxRetries: 0,
        circuitBreaker: {
          failureThreshold: 2,
          cooldownMs: 5_000,
          store: redisCircuitStore(client, { prefix }),
          now: clock,
        },
      });
    };
    const a = await make(upstreamA);
    const b = await make(upstreamB);
    const call = (gateway: typeof a) =>
      gateway.chat.completions.create({ model: 'r', messages: hello }).catch((e: unknown) => e);

    await call(a);
    await call(b); // the second failure, seen by another replica, opens the shared circuit
    expect(CircuitOpenError.isInstance(await call(a))).toBe(true);
    expect(CircuitOpenError.isInstance(await call(b))).toBe(true);
    expect(upstreamA.calls.length + upstreamB.calls.length).toBe(2);

    now += 5_000;
    const healthy = mockProvider({ reply: 'recovered' });
    Object.assign(upstreamA, { doGenerate: healthy.doGenerate });
    // Only one replica gets the probe at a time.
    const [probe, other] = await Promise.all([call(a), call(b)]);
    const outcomes = [probe, other].map((result) =>
      CircuitOpenError.isInstance(result) ? 'open' : 'answered',
    );
    expect(outcomes.filter((outcome) => outcome === 'answered')).toHaveLength(1);
    // The probe went to replica a (healthy) or b (still failing); make a probe succeed if b took it.
    if (CircuitOpenError.isInstance(probe)) {
      now += 5_000;
      await call(a);
    }
    expect(await call(b)).not.toSatisfy((e: unknown) => CircuitOpenError.isInstance(e));
  });

  it('uses its own key space per prefix', async () => {
    const gateway = await replica(mockProvider({ reply: 'ok' }), () => 0);
    await expect(gateway.chat.completions.create({ model: 'r', messages: hello })).resolves.toMatchObject({
      choices: [{ message: { content: 'ok' } }],
    });
  });
});
