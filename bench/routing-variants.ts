import {
  createGateway,
  fallback,
  type Gateway,
  loadBalance,
  single,
  type TargetConfig,
} from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import type { TimedCall } from './measure-latency.js';
import { expectedText, expectedTotalTokens, messages, readCompletion } from './scenario.js';

export type RouteVariantKey = 'single' | 'fallback' | 'load-balance' | 'breaker' | 'breaker-fallback';

/** A non-streaming gateway call through one route, answered by the mock provider. */
export interface RouteVariant extends TimedCall<RouteVariantKey> {
  /** Throws unless a call now records the expected attempts (run after measuring). */
  checkAttempts(): Promise<void>;
}

export const routeVariantLabels: Readonly<Record<RouteVariantKey, string>> = {
  single: '(a) single target',
  fallback: '(b) fallback: 503 (no retry) → ok',
  'load-balance': '(c) loadBalance, 3 targets',
  breaker: '(d) single + circuitBreaker {}',
  'breaker-fallback': '(e) fallback + circuitBreaker: open circuit → ok',
};

/** Attempt statuses each variant records once warm: (e)'s failing target is skipped by its open circuit. */
export const expectedAttempts: Readonly<Record<RouteVariantKey, ReadonlyArray<number>>> = {
  single: [200],
  fallback: [503, 200],
  'load-balance': [200],
  breaker: [200],
  'breaker-fallback': [0, 200],
};

const answering = { provider: 'ok', model: 'mock-model' } satisfies TargetConfig;
const failing = { provider: 'failing', model: 'mock-model', retry: { attempts: 0 } } satisfies TargetConfig;
const pool = ['a', 'b', 'c'].map((model): TargetConfig => ({ provider: 'ok', model }));

/** Every variant, in table order; (d) and (e) share one gateway with the in-memory circuit breaker. */
export function createRouteVariants(): Array<RouteVariant> {
  const ok = mockProvider({
    reply: expectedText,
    usage: { prompt_tokens: 19, completion_tokens: 9, total_tokens: expectedTotalTokens },
  });
  const down = mockProvider({ reply: { fault: { status: 503 } } });
  const providers = { ok, failing: down };
  const plain = createGateway({
    providers,
    routes: {
      single: single(answering),
      fallback: fallback([failing, answering]),
      'load-balance': loadBalance(pool),
    },
  });
  const guarded = createGateway({
    providers,
    routes: { breaker: single(answering), 'breaker-fallback': fallback([failing, answering]) },
    circuitBreaker: {},
  });
  // The mocks record every call; forgetting them keeps memory flat.
  const afterBatch = (): void => {
    ok.reset();
    down.reset();
  };
  const variant = (key: RouteVariantKey, gateway: Gateway): RouteVariant => ({
    key,
    call: async () => readCompletion(await gateway.chat.completions.create({ model: key, messages })),
    afterBatch,
    async checkAttempts() {
      const completion = await gateway.chat.completions.create({ model: key, messages });
      const statuses = completion.switchyard.attempts.map((attempt) => attempt.status);
      if (statuses.join() !== expectedAttempts[key].join()) {
        throw new Error(
          `route '${key}': attempts ${statuses.join(', ')}, expected ${expectedAttempts[key].join(', ')}.`,
        );
      }
    },
  });
  return [
    variant('single', plain),
    variant('fallback', plain),
    variant('load-balance', plain),
    variant('breaker', guarded),
    variant('breaker-fallback', guarded),
  ];
}
