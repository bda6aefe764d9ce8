/** Sums over a set of ledger records. */
export interface SpendTotals {
  requests: number;
  /** USD, priced requests only. */
  cost: number;
  /** Requests whose model had no known price (their cost is not in `cost`). */
  unpricedRequests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  totalTokens: number;
}

export interface DailySpend extends SpendTotals {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
}

export interface SpendGroup extends SpendTotals {
  /** The group's value (`openai-primary`, `u-1`…); null for records without it (e.g. no such metadata key). */
  key: string | null;
  /** One entry per UTC day with records, in date order. */
  daily: Array<DailySpend>;
}

/** `report()`'s answer: the shape of the `/v1/admin/analytics/spend` endpoint. */
export interface SpendReport {
  /** ISO timestamps of the half-open range [start, end). */
  start: string;
  end: string;
  groupBy: string;
  currency: 'USD';
  totals: SpendTotals;
  /** Most expensive first. */
  groups: Array<SpendGroup>;
  daily: Array<DailySpend>;
}

/**
 * What `report()` takes. `start`/`end` are Dates, ISO timestamps or `YYYY-MM-DD` UTC days; a day as
 * `end` includes that whole day (like the article's `end_date`). `groupBy` is `provider`, `model`,
 * `route`, `status`, `cache`, or any metadata key (`user_id`, `team`…; `metadata.<key>` when a key
 * shadows a column name).
 */
export interface ReportQuery {
  start: Date | string | number;
  end: Date | string | number;
  /** What to group by (see above). Default: `provider`. */
  groupBy?: string;
}

/** A query after validation: epoch ms and what to group by. */
export interface ResolvedReportQuery {
  start: number;
  end: number;
  group: ReportGrouping;
}

export type ReportColumn = 'provider' | 'model' | 'route' | 'status' | 'cache';

export type ReportGrouping =
  | { kind: 'column'; column: ReportColumn; label: string }
  | { kind: 'metadata'; key: string; label: string };
