import { roundUsd } from '../pricing/compute-cost.js';
import { type AggregateRow, addTotals, emptyTotals } from './aggregate-row.js';
import type {
  DailySpend,
  ResolvedReportQuery,
  SpendGroup,
  SpendReport,
  SpendTotals,
} from './spend-report.js';

const rounded = <T extends SpendTotals>(totals: T): T => ({ ...totals, cost: roundUsd(totals.cost) });

const byDate = (a: DailySpend, b: DailySpend): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function addDaily(daily: Map<string, DailySpend>, row: AggregateRow): void {
  const day = daily.get(row.date) ?? { date: row.date, ...emptyTotals() };
  addTotals(day, row);
  daily.set(row.date, day);
}

/** Builds the report from per-group, per-day sums (any order): totals, groups by cost, daily buckets. */
export function assembleReport(query: ResolvedReportQuery, rows: ReadonlyArray<AggregateRow>): SpendReport {
  const totals = emptyTotals();
  const daily = new Map<string, DailySpend>();
  const groups = new Map<string | null, { totals: SpendTotals; daily: Map<string, DailySpend> }>();
  for (const row of rows) {
    addTotals(totals, row);
    addDaily(daily, row);
    const group = groups.get(row.key) ?? { totals: emptyTotals(), daily: new Map<string, DailySpend>() };
    addTotals(group.totals, row);
    addDaily(group.daily, row);
    groups.set(row.key, group);
  }
  const groupList: Array<SpendGroup> = [...groups].map(([key, group]) => ({
    key,
    ...rounded(group.totals),
    daily: [...group.daily.values()].map(rounded).sort(byDate),
  }));
  groupList.sort(
    (a, b) => b.cost - a.cost || b.requests - a.requests || String(a.key).localeCompare(String(b.key)),
  );
  return {
    start: new Date(query.start).toISOString(),
    end: new Date(query.end).toISOString(),
    groupBy: query.group.label,
    currency: 'USD',
    totals: rounded(totals),
    groups: groupList,
    daily: [...daily.values()].map(rounded).sort(byDate),
  };
}
