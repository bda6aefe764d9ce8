import type { GuardrailAction, GuardrailStage, GuardrailVerdict } from './guardrail-check.js';

/** What one check did in one request; in `guardrailResults(state)`, `onResult` and (with core support) `completion.switchyard.guardrails`. */
export interface GuardrailResult {
  check: string;
  stage: GuardrailStage;
  verdict: GuardrailVerdict;
  /** The action taken: the check's action when it failed (`block` once a `retry` gave up), `none` when it passed. */
  action: GuardrailAction | 'none';
  reason?: string;
  /** How many spans the check found (masked, for `mask`). */
  spans?: number;
  data?: unknown;
  /** Time spent in the check, ms (for streams: summed over all chunks). */
  durationMs: number;
  /** Output checks: 0 for the first answer, then 1, 2… for answers after `retry` or `fallback`. */
  attempt: number;
  /** The check ran on a stream. */
  streamed?: boolean;
}

/** Counters per check since the guardrails instance was created (`guards.stats()`). */
export interface GuardrailCheckStats {
  runs: number;
  failures: number;
  actions: Partial<Record<GuardrailAction, number>>;
  totalMs: number;
}

export interface GuardrailStats {
  checks: Record<string, GuardrailCheckStats>;
}
