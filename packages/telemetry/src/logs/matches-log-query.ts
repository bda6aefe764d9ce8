import type { ResolvedLogQuery } from './log-query.js';
import type { RequestLogRecord } from './request-log-record.js';

/** Whether a record passes every filter of a query (limit aside). */
export function matchesLogQuery(record: RequestLogRecord, query: ResolvedLogQuery): boolean {
  if (query.status !== undefined && record.status !== query.status) return false;
  if (query.provider !== undefined && record.provider !== query.provider) return false;
  if (query.model !== undefined && record.model !== query.model) return false;
  if (query.route !== undefined && record.route !== query.route) return false;
  if (query.traceId !== undefined && record.traceId !== query.traceId) return false;
  if (query.since !== undefined || query.until !== undefined) {
    const time = Date.parse(record.timestamp);
    if (query.since !== undefined && time < query.since) return false;
    if (query.until !== undefined && time >= query.until) return false;
  }
  if (query.metadata !== undefined) {
    for (const [key, value] of Object.entries(query.metadata)) {
      if (record.metadata[key] !== value) return false;
    }
  }
  return true;
}
