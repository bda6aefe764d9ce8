import { BadRequestError } from '@switchyard/core';
import { isRequestStatus, type LogQuery } from './log-query.js';

const METADATA_PREFIX = 'metadata.';

/**
 * Reads a `LogQuery` from URL search parameters, for an admin route such as
 * `/v1/admin/logs?limit=100&status=error&provider=openai-primary&metadata.user_id=u-1&since=2026-01-01`.
 * `trace_id` and `traceId` are both accepted.
 */
export function logQueryFromSearchParams(params: URLSearchParams): LogQuery {
  const query: LogQuery = {};
  const limit = params.get('limit');
  if (limit !== null) {
    const value = Number(limit);
    if (!Number.isInteger(value) || value < 1) {
      throw new BadRequestError("Invalid log query 'limit': expected a positive integer.", {
        status: 400,
        param: 'limit',
      });
    }
    query.limit = value;
  }
  const status = params.get('status');
  if (status !== null) {
    if (!isRequestStatus(status)) {
      throw new BadRequestError("Invalid log query 'status': expected 'success', 'error' or 'cancelled'.", {
        status: 400,
        param: 'status',
      });
    }
    query.status = status;
  }
  for (const field of ['provider', 'model', 'route', 'since', 'until'] as const) {
    const value = params.get(field);
    if (value !== null) query[field] = value;
  }
  const traceId = params.get('trace_id') ?? params.get('traceId');
  if (traceId !== null) query.traceId = traceId;
  const metadata: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith(METADATA_PREFIX)) metadata[key.slice(METADATA_PREFIX.length)] = value;
  }
  if (Object.keys(metadata).length > 0) query.metadata = metadata;
  return query;
}
