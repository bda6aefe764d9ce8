import type { TargetLimits } from './routing-strategy.js';
import { sleep } from './sleep.js';

interface LimitState {
  active: number;
  waiting: Array<() => void>;
  /** Start times within the last minute, oldest first. */
  starts: Array<number>;
}

const MINUTE = 60_000;
const release = (): void => {};

/**
 * Per-target concurrency and request-rate limits, so the gateway queues its own calls instead of
 * provoking a provider's 429. Waiting honours the request's signal (deadline or caller abort).
 */
export class TargetLimiter {
  private readonly states = new Map<string, LimitState>();

  /** Resolves with a release function once the call may start. */
  async acquire(key: string, limits: TargetLimits | undefined, signal: AbortSignal): Promise<() => void> {
    if (limits?.maxConcurrency === undefined && limits?.requestsPerMinute === undefined) return release;
    const state = this.stateFor(key);
    if (limits.requestsPerMinute !== undefined)
      await this.waitForRate(state, limits.requestsPerMinute, signal);
    if (limits.maxConcurrency === undefined) return release;
    // Taking a free slot is synchronous, so concurrent callers cannot all see the same free slot.
    if (state.active < limits.maxConcurrency) state.active += 1;
    else await this.waitForSlot(state, signal);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the slot straight to the next waiter, so a newcomer cannot take it in between.
      const next = state.waiting.shift();
      if (next === undefined) state.active -= 1;
      else next();
    };
  }

  private stateFor(key: string): LimitState {
    let state = this.states.get(key);
    if (state === undefined) {
      state = { active: 0, waiting: [], starts: [] };
      this.states.set(key, state);
    }
    return state;
  }

  private async waitForRate(state: LimitState, perMinute: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (state.starts.length > 0 && now - (state.starts[0] ?? 0) >= MINUTE) state.starts.shift();
      if (state.starts.length < perMinute) {
        state.starts.push(now);
        return;
      }
      await sleep(MINUTE - (now - (state.starts[0] ?? now)), signal);
    }
  }

  /** Resolves when a finishing call hands this one its slot. */
  private waitForSlot(state: LimitState, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        state.waiting.splice(state.waiting.indexOf(wake), 1);
        reject(signal.reason);
      };
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      state.waiting.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
