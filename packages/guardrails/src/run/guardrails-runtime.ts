import type { MiddlewareState, RequestOptions } from '@switchyard/core';
import type { GuardrailAction } from '../check/guardrail-check.js';
import type { GuardrailCheckStats, GuardrailResult, GuardrailStats } from '../check/guardrail-result.js';

/** Set by the cache middleware's contract: keep this response out of the cache. */
const CACHE_NO_STORE_LOCAL = 'cache.noStore';

/** State of one guardrails instance shared by its requests: counters, hooks, the judge's own requests. */
export class GuardrailsRuntime {
  private readonly internal = new WeakSet<RequestOptions>();
  private readonly counters = new Map<string, GuardrailCheckStats>();

  constructor(
    private readonly onResult: ((result: GuardrailResult, state: MiddlewareState) => void) | undefined,
    readonly failOnCheckError: boolean,
  ) {}

  /** Request options whose requests guardrails let through unchecked (a judge calling through the gateway). */
  internalOptions(options: RequestOptions = {}): RequestOptions {
    const internal = { ...options };
    this.internal.add(internal);
    return internal;
  }

  isInternal(state: MiddlewareState): boolean {
    return this.internal.has(state.options);
  }

  /** Counts the result, calls `onResult`, and for `warn` adds a warning and keeps the answer out of the cache. */
  record(state: MiddlewareState, results: Array<GuardrailResult>, result: GuardrailResult): void {
    results.push(result);
    let stats = this.counters.get(result.check);
    if (stats === undefined) {
      stats = { runs: 0, failures: 0, actions: {}, totalMs: 0 };
      this.counters.set(result.check, stats);
    }
    stats.runs++;
    stats.totalMs += result.durationMs;
    if (result.verdict === 'fail') {
      stats.failures++;
      if (result.action !== 'none') count(stats.actions, result.action);
    }
    if (result.verdict === 'fail' && result.action === 'warn') {
      state.warnings.push({
        type: 'other',
        message: `Guardrail '${result.check}' (${result.stage}) failed: ${result.reason ?? 'no reason given'}`,
      });
      if (result.stage === 'output') state.locals.set(CACHE_NO_STORE_LOCAL, true);
    }
    try {
      this.onResult?.(result, state);
    } catch (error) {
      // A failing log hook must not fail the request; it shows up where the caller looks for problems.
      state.warnings.push({ type: 'other', message: `guardrails onResult threw: ${String(error)}` });
    }
  }

  stats(): GuardrailStats {
    return {
      checks: Object.fromEntries([...this.counters].map(([name, stats]) => [name, structuredClone(stats)])),
    };
  }
}

const count = (actions: Partial<Record<GuardrailAction, number>>, action: GuardrailAction): void => {
  actions[action] = (actions[action] ?? 0) + 1;
};
