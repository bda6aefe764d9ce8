import { BadRequestError } from '@switchyard/core';
import type { ReportColumn, ReportGrouping, ReportQuery, ResolvedReportQuery } from './spend-report.js';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS: ReadonlyArray<ReportColumn> = ['provider', 'model', 'route', 'status', 'cache'];

const isColumn = (name: string): name is ReportColumn => COLUMNS.some((column) => column === name);

function toEpochMs(value: Date | string | number, param: 'start' | 'end'): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else {
    ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
    // A bare day as the end of a range includes that whole day.
    if (param === 'end' && DATE_ONLY.test(value)) ms += DAY_MS;
  }
  if (!Number.isFinite(ms)) {
    throw new BadRequestError(`report ${param} must be a date (YYYY-MM-DD), an ISO timestamp or a Date.`, {
      status: 400,
      param,
    });
  }
  return ms;
}

function toGrouping(groupBy: string): ReportGrouping {
  const key = groupBy.startsWith('metadata.') ? groupBy.slice('metadata.'.length) : undefined;
  if (key !== undefined) {
    if (key === '')
      throw new BadRequestError('report groupBy names no metadata key.', { status: 400, param: 'groupBy' });
    return { kind: 'metadata', key, label: groupBy };
  }
  if (isColumn(groupBy)) return { kind: 'column', column: groupBy, label: groupBy };
  if (groupBy.trim() === '')
    throw new BadRequestError('report groupBy is empty.', { status: 400, param: 'groupBy' });
  return { kind: 'metadata', key: groupBy, label: groupBy };
}

/** Validates a report query: the range as epoch ms [start, end) and what to group by (default `provider`). */
export function resolveReportQuery(query: ReportQuery): ResolvedReportQuery {
  const start = toEpochMs(query.start, 'start');
  const end = toEpochMs(query.end, 'end');
  if (end <= start) {
    throw new BadRequestError('report end must be after start.', { status: 400, param: 'end' });
  }
  return { start, end, group: toGrouping(query.groupBy ?? 'provider') };
}
