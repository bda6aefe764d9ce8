import type { ResolvedReportQuery, SpendReport } from '../analytics/spend-report.js';
import type { LedgerRecord } from './ledger-record.js';

export interface LedgerListQuery {
  /** Epoch ms, inclusive. Default: no bound. */
  start?: number;
  /** Epoch ms, exclusive. Default: no bound. */
  end?: number;
  /** Most recent records first, at most this many. Default 100. */
  limit?: number;
}

/** Where ledger records are kept. `spend()` writes to it in batches, off the request path. */
export interface LedgerStore {
  /** Persists a batch. Writing the same record (same `id`) twice must not duplicate it. */
  write(records: ReadonlyArray<LedgerRecord>): Promise<void>;
  report(query: ResolvedReportQuery): Promise<SpendReport>;
  list(query?: LedgerListQuery): Promise<Array<LedgerRecord>>;
}
