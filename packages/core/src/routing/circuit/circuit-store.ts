/** `allow`: closed, call. `probe`: half-open, this call is the one probe. `deny`: open, do not call. */
export type CircuitDecision = 'allow' | 'probe' | 'deny';

/** `neutral`: the call neither proves nor disproves health (the caller aborted, a 400). */
export type CircuitOutcome = 'success' | 'failure' | 'neutral';

export type CircuitStatus = 'closed' | 'open' | 'half-open';

export interface CircuitSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** Milliseconds an open circuit waits before letting one probe through. */
  cooldownMs: number;
}

/**
 * Where circuit state lives. The in-memory store is the default; a shared store (Redis) makes replicas
 * agree. `peek` is synchronous (strategies consult it while picking); shared stores answer it from the
 * state they saw last.
 */
export interface CircuitStore {
  acquire(key: string, now: number, settings: CircuitSettings): CircuitDecision | Promise<CircuitDecision>;
  record(
    key: string,
    outcome: CircuitOutcome,
    probe: boolean,
    now: number,
    settings: CircuitSettings,
  ): undefined | Promise<void>;
  peek(key: string, now: number, settings: CircuitSettings): CircuitStatus;
}
