import { BadRequestError } from '@switchyard/core';
import type { RequestStatus } from './request-log-record.js';

/** Filters for `logs.query()`; every given field must match. Newest records first. */
export interface LogQuery {
  /** Most records returned. Default 100, at most 1 000. */
  limit?: number;
  status?: RequestStatus;
  /** The provider key (under `providers`). */
  provider?: string;
  model?: string;
  route?: string;
  /** Records whose metadata has all of these key/value pairs. */
  metadata?: Record<string, string>;
  /** Requests received at or after this time (a `Date`, epoch ms or an ISO string). */
  since?: Date | number | string;
  /** Requests received before this time. */
  until?: Date | number | string;
  traceId?: string;
}

/** A validated `LogQuery` with times as epoch milliseconds, as sinks receive it. */
export interface ResolvedLogQuery {
  limit: number;
  status?: RequestStatus;
  provider?: string;
  model?: string;
  route?: string;
  metadata?: Record<string, string>;
  since?: number;
  until?: number;
  traceId?: string;
}

export const DEFAULT_LOG_QUERY_LIMIT = 100;
export const MAX_LOG_QUERY_LIMIT = 1_000;
const STATUSES: ReadonlySet<string> = new Set<RequestStatus>(['success', 'error', 'cancelled']);

const invalid = (param: string, expected: string): BadRequestError =>
  new BadRequestError(`Invalid log query '${param}': expected ${expected}.`, { status: 400, param });

const readTime = (value: Date | number | string, param: string): number => {
  const time =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) throw invalid(param, 'a Date, epoch milliseconds or an ISO 8601 time');
  return time;
};

export const isRequestStatus = (value: string): value is RequestStatus => STATUSES.has(value);

/** Validates a query (a `BadRequestError` names the bad field) and fills in the defaults. */
export function resolveLogQuery(query: LogQuery = {}): ResolvedLogQuery {
  const limit = query.limit ?? DEFAULT_LOG_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw invalid('limit', 'a positive integer');
  if (query.status !== undefined && !isRequestStatus(query.status)) {
    throw invalid('status', "'success', 'error' or 'cancelled'");
  }
  const resolved: ResolvedLogQuery = { limit: Math.min(limit, MAX_LOG_QUERY_LIMIT) };
  if (query.status !== undefined) resolved.status = query.status;
  if (query.provider !== undefined) resolved.provider = query.provider;
  if (query.model !== undefined) resolved.model = query.model;
  if (query.route !== undefined) resolved.route = query.route;
  if (query.traceId !== undefined) resolved.traceId = query.traceId;
  if (query.metadata !== undefined && Object.keys(query.metadata).length > 0) {
    resolved.metadata = query.metadata;
  }
  if (query.since !== undefined) resolved.since = readTime(query.since, 'since');
  if (query.until !== undefined) resolved.until = readTime(query.until, 'until');
  return resolved;
}
