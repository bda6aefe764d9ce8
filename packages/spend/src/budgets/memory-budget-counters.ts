import type { BudgetCounterStore } from './budget-counter-store.js';

/** Budget counters in process memory (the default): exact within one process, not shared. */
export function memoryBudgetCounters(now: () => number = Date.now): BudgetCounterStore {
  const counters = new Map<string, { total: number; expiresAt: number }>();
  let nextPrune = 0;
  const prune = (time: number) => {
    if (time < nextPrune) return;
    nextPrune = time + 60_000;
    for (const [key, counter] of counters) if (counter.expiresAt <= time) counters.delete(key);
  };
  const current = (key: string, time: number): number => {
    const counter = counters.get(key);
    return counter === undefined || counter.expiresAt <= time ? 0 : counter.total;
  };
  return {
    read(keys) {
      const time = now();
      return keys.map((key) => current(key, time));
    },
    add(key, usd, expiresAt) {
      const time = now();
      prune(time);
      const total = current(key, time) + usd;
      counters.set(key, { total, expiresAt });
      return total;
    },
  };
}
