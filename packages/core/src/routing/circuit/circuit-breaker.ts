import type { CircuitDecision, CircuitOutcome, CircuitSettings, CircuitStore } from './circuit-store.js';
import { memoryCircuitStore } from './memory-circuit-store.js';

export interface CircuitBreakerOptions {
  /**
   * Consecutive failures that open a target's circuit: 408, 409, 429 and 5xx responses, timeouts and
   * connection errors (other 4xx and the caller's aborts do not count). Default 5.
   */
  failureThreshold?: number;
  /** Milliseconds an open circuit rejects calls before one probe is let through. Default 30 000. */
  cooldownMs?: number;
  /** Where state lives; `redisCircuitStore(client)` shares it between replicas. Default: in memory. */
  store?: CircuitStore;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** One breaker per target key (`provider/model`): closed → open after failures → half-open probe → closed. */
export class CircuitBreaker {
  private readonly store: CircuitStore;
  private readonly settings: CircuitSettings;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.store = options.store ?? memoryCircuitStore();
    this.settings = {
      failureThreshold: options.failureThreshold ?? 5,
      cooldownMs: options.cooldownMs ?? 30_000,
    };
    this.now = options.now ?? Date.now;
  }

  acquire(key: string): CircuitDecision | Promise<CircuitDecision> {
    return this.store.acquire(key, this.now(), this.settings);
  }

  record(key: string, outcome: CircuitOutcome, probe: boolean): undefined | Promise<void> {
    return this.store.record(key, outcome, probe, this.now(), this.settings);
  }

  /** False while the circuit is open (a half-open circuit is available for its probe). */
  isAvailable(key: string): boolean {
    return this.store.peek(key, this.now(), this.settings) !== 'open';
  }
}
