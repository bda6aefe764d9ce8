import type { SpendTracker } from '@switchyard/spend';
import type { RequestLogSource } from './admin-instances.js';

/** Ledger records scanned per logs query when filtering by status. */
const SCAN_LIMIT = 10_000;

/**
 * Request logs from the spend ledger (one record per request, with status, route, provider, model,
 * tokens, cost, latency and metadata), for `/v1/admin/logs` while `@switchyard/telemetry` is not applied.
 * A status filter looks at the newest 10 000 records.
 */
export function ledgerLogSource(tracker: Pick<SpendTracker, 'records'>): RequestLogSource {
  return {
    async query({ limit, status }) {
      const records = await tracker.records({ limit: status === undefined ? limit : SCAN_LIMIT });
      const matching = status === undefined ? records : records.filter((record) => record.status === status);
      return matching.slice(0, limit);
    },
  };
}
