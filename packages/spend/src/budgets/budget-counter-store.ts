/**
 * Where budget counters live: USD spent per budget and period. In memory by default; `redisBudgetCounters`
 * shares them between replicas so they enforce one budget. Methods may answer synchronously.
 */
export interface BudgetCounterStore {
  /** Current totals, 0 for keys never added to (or expired). */
  read(keys: ReadonlyArray<string>): Array<number> | Promise<Array<number>>;
  /** Adds `usd` to `key`, kept until `expiresAt` (epoch ms); returns the new total. */
  add(key: string, usd: number, expiresAt: number): number | Promise<number>;
}
