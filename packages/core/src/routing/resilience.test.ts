import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitOpenError, TimeoutError } from '../errors/gateway-errors.js';
import { SwitchyardError } from '../errors/switchyard-error.js';
import { createGateway } from '../gateway/create-gateway.js';
import { type MockReply, mockProvider } from '../testing.js';
import { fallback } from './fallback.js';
import { loadBalance } from './load-balance.js';
import { single } from './single.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

describe('circuit breaker', () => {
  const setup = () => {
    let now = 1_000_000;
    const flaky = mockProvider({ reply: { fault: { status: 503 } } });
    const gateway = createGateway({
      providers: { flaky },
      routes: { r: single({ provider: 'flaky', model: 'm' }) },
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 3, cooldownMs: 10_000, now: () => now },
    });
    const call = () =>
      gateway.chat.completions.create({ model: 'r', messages: hello }).catch((e: unknown) => e);
    return { flaky, call, advance: (ms: number) => (now += ms) };
  };

  it('opens after consecutive failures and short-circuits without calling the provider', async () => {
    const { flaky, call } = setup();
    for (let i = 0; i < 3; i++) await call();
    expect(flaky.calls).toHaveLength(3);
    const error = await call();
    expect(CircuitOpenError.isInstance(error)).toBe(true);
    expect(flaky.calls).toHaveLength(3);
  });

  it('half-opens after the cooldown with one probe, then closes on success', async () => {
    const { flaky, call, advance } = setup();
    for (let i = 0; i < 3; i++) await call();
    advance(10_000);
    flaky.reset();
    const healthy = mockProvider({ reply: 'back' });
    Object.assign(flaky, { doGenerate: healthy.doGenerate });
    const probe = await call();
    expect(probe).toMatchObject({ choices: [{ message: { content: 'back' } }] });
    const after = await call();
    expect(after).toMatchObject({ choices: [{ message: { content: 'back' } }] });
  });

  it('re-opens when the probe fails', async () => {
    const { flaky, call, advance } = setup();
    for (let i = 0; i < 3; i++) await call();
    advance(10_000);
    await call(); // the probe fails
    expect(flaky.calls).toHaveLength(4);
    expect(CircuitOpenError.isInstance(await call())).toBe(true);
    expect(flaky.calls).toHaveLength(4);
  });

  it('does not count client errors against the target', async () => {
    let now = 0;
    const picky = mockProvider({ reply: { fault: { status: 400 } } });
    const gateway = createGateway({
      providers: { picky },
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 2, now: () => now++ },
    });
    for (let i = 0; i < 5; i++)
      await gateway.chat.completions.create({ model: 'm', messages: hello }).catch(() => {});
    expect(picky.calls).toHaveLength(5);
  });

  it('load balancing skips a target whose circuit is open, and fallback moves past it', async () => {
    const broken = mockProvider({ reply: { fault: { status: 500 } } });
    const healthy = mockProvider({ reply: 'healthy' });
    const gateway = createGateway({
      providers: { broken, healthy },
      routes: {
        pool: fallback([
          loadBalance([
            { provider: 'broken', model: 'm' },
            { provider: 'healthy', model: 'm' },
          ]),
          { provider: 'healthy', model: 'm' },
        ]),
      },
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 },
    });
    for (let i = 0; i < 6; i++) {
      const completion = await gateway.chat.completions.create({ model: 'pool', messages: hello });
      expect(completion.choices[0]?.message.content).toBe('healthy');
    }
    expect(broken.calls).toHaveLength(1);
  });
});

describe('per-target limits and timeouts', () => {
  it('queues calls beyond maxConcurrency instead of sending them', async () => {
    let active = 0;
    let peak = 0;
    const mock = mockProvider({
      reply: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 10));
        active--;
        return 'ok';
      },
    });
    const gateway = createGateway({
      providers: { mock },
      routes: { r: single({ provider: 'mock', model: 'm', limits: { maxConcurrency: 2 } }) },
    });
    await Promise.all(
      Array.from({ length: 6 }, () => gateway.chat.completions.create({ model: 'r', messages: hello })),
    );
    expect(peak).toBe(2);
    expect(mock.calls).toHaveLength(6);
  });

  it('holds calls beyond requestsPerMinute until the deadline', async () => {
    const mock = mockProvider();
    const gateway = createGateway({
      providers: { mock },
      routes: { r: single({ provider: 'mock', model: 'm', limits: { requestsPerMinute: 2 } }) },
    });
    await gateway.chat.completions.create({ model: 'r', messages: hello });
    await gateway.chat.completions.create({ model: 'r', messages: hello });
    const third = await gateway.chat.completions
      .create({ model: 'r', messages: hello }, { timeout: 50 })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(third)).toBe(true);
    expect(mock.calls).toHaveLength(2);
  });

  it('an idle stream times out between chunks', async () => {
    const mock = mockProvider({ reply: { text: 'a b c d', fault: { stallAfterParts: 3 } } });
    const gateway = createGateway({
      providers: { mock },
      routes: { r: single({ provider: 'mock', model: 'm', idleTimeout: 40 }) },
    });
    const stream = await gateway.chat.completions.create({ model: 'r', messages: hello, stream: true });
    const error = await (async () => {
      for await (const _chunk of stream) {
        // chunks until the stall
      }
    })().catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('retries carry the same idempotency key; onStatusCodes narrows what is retried', async () => {
    const mock = mockProvider({ reply: [{ fault: { status: 500 } }, { fault: { status: 503 } }, 'ok'] });
    const gateway = createGateway({
      providers: { mock },
      routes: { r: single({ provider: 'mock', model: 'm', retry: { attempts: 3, onStatusCodes: [500] } }) },
      retryBaseDelayMs: 0,
    });
    const error = await gateway.chat.completions
      .create({ model: 'r', messages: hello }, { traceId: 't-1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(mock.calls.map((call) => call.headers['idempotency-key'])).toEqual(['t-1', 't-1']);
  });
});

type Fault = 'ok' | 429 | 500 | 400 | 'connection' | 'slow';

const replyFor = (fault: Fault): MockReply | string => {
  if (fault === 'ok') return 'ok';
  if (fault === 'connection') return { fault: { connectionError: true } };
  if (fault === 'slow') return { text: 'slow', fault: { delayBeforeFirstByteMs: 200 } };
  return { fault: { status: fault } };
};

describe('routing under random faults (property)', () => {
  it('never exceeds the configured call bound and always ends in a result or a typed error', async () => {
    const faults = fc.constantFrom<Fault>('ok', 429, 500, 400, 'connection', 'slow');
    await fc.assert(
      fc.asyncProperty(
        fc.array(faults, { minLength: 1, maxLength: 12 }),
        fc.array(faults, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        async (scriptA, scriptB, retries, stream) => {
          const a = mockProvider({ reply: scriptA.map(replyFor) });
          const b = mockProvider({ reply: scriptB.map(replyFor) });
          const gateway = createGateway({
            providers: { a, b },
            routes: {
              r: fallback([
                { provider: 'a', model: 'm', timeout: 50, retry: { attempts: retries } },
                { provider: 'b', model: 'm', timeout: 50, retry: { attempts: retries } },
              ]),
            },
            retryBaseDelayMs: 0,
            retryMaxDelayMs: 1,
          });
          const outcome = await (async () => {
            const result = await gateway.chat.completions.create({ model: 'r', messages: hello, stream });
            if (!stream || !(Symbol.asyncIterator in result)) return result;
            for await (const _chunk of result) {
              // drain
            }
            return result;
          })().catch((e: unknown) => e);
          const calls = a.calls.length + b.calls.length;
          expect(calls).toBeLessThanOrEqual(2 * (1 + retries));
          expect(calls).toBeGreaterThanOrEqual(1);
          if (outcome instanceof Error) expect(SwitchyardError.isInstance(outcome)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
