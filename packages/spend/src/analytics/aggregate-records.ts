import type { LedgerRecord } from '../ledger/ledger-record.js';
import { utcDay } from '../ledger/utc-day.js';
import { type AggregateRow, emptyTotals } from './aggregate-row.js';
import type { ReportGrouping, ResolvedReportQuery } from './spend-report.js';

const groupKey = (record: LedgerRecord, group: ReportGrouping): string | null => {
  if (group.kind === 'metadata') return record.metadata[group.key] ?? null;
  switch (group.column) {
    case 'provider':
      return record.provider;
    case 'model':
      return record.model;
    case 'route':
      return record.route;
    case 'status':
      return record.status;
    case 'cache':
      return record.cache;
    default: {
      const unreachable: never = group.column;
      return unreachable;
    }
  }
};

/** Sums in-memory records per group and UTC day, for `assembleReport`. */
export function aggregateRecords(
  records: Iterable<LedgerRecord>,
  query: ResolvedReportQuery,
): Array<AggregateRow> {
  const rows = new Map<string, AggregateRow>();
  for (const record of records) {
    if (record.timestamp < query.start || record.timestamp >= query.end) continue;
    const key = groupKey(record, query.group);
    const date = utcDay(record.timestamp);
    const rowKey = `${key === null ? '\u0000' : `=${key}`}\u0001${date}`;
    let row = rows.get(rowKey);
    if (row === undefined) {
      row = { key, date, ...emptyTotals() };
      rows.set(rowKey, row);
    }
    row.requests += 1;
    row.cost += record.cost ?? 0;
    if (record.cost === null) row.unpricedRequests += 1;
    if (record.status === 'error') row.errors += 1;
    row.promptTokens += record.promptTokens;
    row.completionTokens += record.completionTokens;
    row.cachedTokens += record.cachedTokens;
    row.cacheWriteTokens += record.cacheWriteTokens;
    row.reasoningTokens += record.reasoningTokens;
    row.totalTokens += record.totalTokens;
  }
  return [...rows.values()];
}
