import type { LedgerRecord, LedgerStore } from '@switchyard/spend';

/** What the spend ledger received, aggregated as records are written. */
export interface LedgerTotals {
  readonly rows: number;
  /** Rows by `status/cache/cost`, cost being `zero`, `priced` (> 0) or `null` (unknown). */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Successful rows answered by a provider (not a cache hit), per provider: one per successful call. */
  readonly providerSuccess: Readonly<Record<string, number>>;
  /** Σ cost over those rows, per provider. */
  readonly providerCost: Readonly<Record<string, number>>;
  /** Σ of every known cost in the ledger. */
  readonly costSum: number;
}

export interface CountingLedgerStore extends LedgerStore {
  totals(): LedgerTotals;
}

const costClass = (cost: number | null): string => (cost === null ? 'null' : cost === 0 ? 'zero' : 'priced');
const isCacheHit = (record: LedgerRecord): boolean =>
  record.cache === 'hit' || record.cache === 'semantic-hit';

/**
 * A ledger store that counts every record on its way to `inner` (a bounded `memoryLedgerStore`), so the
 * soak can check all 100k rows without keeping them — a store that kept them would hide a real leak.
 */
export function countingLedgerStore(inner: LedgerStore): CountingLedgerStore {
  const byOutcome: Record<string, number> = {};
  const providerSuccess: Record<string, number> = {};
  const providerCost: Record<string, number> = {};
  let rows = 0;
  let costSum = 0;
  return {
    async write(records) {
      // Counted only once `inner` took the batch: a failed write is retried by the ledger writer.
      await inner.write(records);
      for (const record of records) {
        rows++;
        const key = `${record.status}/${isCacheHit(record) ? 'hit' : record.cache}/${costClass(record.cost)}`;
        byOutcome[key] = (byOutcome[key] ?? 0) + 1;
        if (record.cost !== null) costSum += record.cost;
        if (record.status === 'success' && !isCacheHit(record) && record.provider !== null) {
          providerSuccess[record.provider] = (providerSuccess[record.provider] ?? 0) + 1;
          providerCost[record.provider] = (providerCost[record.provider] ?? 0) + (record.cost ?? 0);
        }
      }
    },
    report: (query) => inner.report(query),
    list: (query) => inner.list(query),
    totals: () => ({
      rows,
      byOutcome: { ...byOutcome },
      providerSuccess: { ...providerSuccess },
      providerCost: { ...providerCost },
      costSum,
    }),
  };
}
