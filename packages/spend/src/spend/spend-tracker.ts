import type { Middleware, Pricing } from '@switchyard/core';
import type { AlertStats } from '../alerts/alert-dispatcher.js';
import type { ReportQuery, SpendReport } from '../analytics/spend-report.js';
import type { BudgetRule } from '../budgets/budget-rule.js';
import type { BudgetStatus } from '../budgets/budget-status.js';
import type { LedgerRecord } from '../ledger/ledger-record.js';
import type { LedgerListQuery } from '../ledger/ledger-store.js';
import type { LedgerWriterStats } from '../ledger/ledger-writer.js';
import type { PriceTable } from '../pricing/create-price-table.js';

export interface SpendBudgets {
  readonly rules: ReadonlyArray<BudgetRule>;
  /** The budgets that apply to `metadata` (all unscoped ones when omitted) and where they stand now. */
  status(metadata?: Readonly<Record<string, string>>): Promise<Array<BudgetStatus>>;
}

export interface SpendStats {
  ledger: LedgerWriterStats;
  alerts: AlertStats;
}

/** What `spend()` returns: the middleware (stage `spend`) and its admin API. */
export interface SpendTracker extends Middleware {
  /** This tracker's prices (overrides included) for `createGateway({ pricing })`. */
  readonly pricing: Pricing;
  readonly prices: PriceTable;
  /** Spend between `start` and `end`, grouped by provider, model, route or a metadata key, with daily buckets. */
  report(query: ReportQuery): Promise<SpendReport>;
  readonly budgets: SpendBudgets;
  /** Recent ledger records, newest first. */
  records(query?: LedgerListQuery): Promise<Array<LedgerRecord>>;
  stats(): SpendStats;
  /** Writes queued ledger records and waits for alerts and counter updates in flight. */
  flush(): Promise<void>;
  /** Flushes, then stops: later requests still pass but are not recorded (counted as dropped). */
  close(): Promise<void>;
}
