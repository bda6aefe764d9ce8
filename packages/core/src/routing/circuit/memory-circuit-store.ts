import type {
  CircuitDecision,
  CircuitOutcome,
  CircuitSettings,
  CircuitStatus,
  CircuitStore,
} from './circuit-store.js';

interface CircuitState {
  failures: number;
  openedAt: number | undefined;
  probing: boolean;
}

const statusOf = (state: CircuitState | undefined, now: number, settings: CircuitSettings): CircuitStatus => {
  if (state?.openedAt === undefined) return 'closed';
  return now - state.openedAt < settings.cooldownMs || state.probing ? 'open' : 'half-open';
};

/** Circuit state in this process: the default, and what a single instance needs. */
export function memoryCircuitStore(): CircuitStore {
  const circuits = new Map<string, CircuitState>();
  return {
    acquire(key, now, settings): CircuitDecision {
      const state = circuits.get(key);
      const status = statusOf(state, now, settings);
      if (status === 'closed') return 'allow';
      if (status === 'open' || state === undefined) return 'deny';
      state.probing = true;
      return 'probe';
    },
    record(key, outcome: CircuitOutcome, probe, now, settings) {
      const state = circuits.get(key) ?? { failures: 0, openedAt: undefined, probing: false };
      if (outcome === 'success') {
        circuits.delete(key);
        return undefined;
      }
      if (probe) state.probing = false;
      if (outcome === 'failure') {
        state.failures += 1;
        if (probe || state.failures >= settings.failureThreshold) state.openedAt = now;
      }
      circuits.set(key, state);
      return undefined;
    },
    peek: (key, now, settings) => statusOf(circuits.get(key), now, settings),
  };
}
