import { aggregateRecords } from '../analytics/aggregate-records.js';
import { assembleReport } from '../analytics/assemble-report.js';
import type { LedgerRecord } from './ledger-record.js';
import type { LedgerStore } from './ledger-store.js';

export interface MemoryLedgerStoreOptions {
  /** Records kept; the oldest are evicted beyond it (counted in `evicted`). Default 100 000. */
  maxRecords?: number;
}

export interface MemoryLedgerStore extends LedgerStore {
  /** Records evicted to stay within `maxRecords`. */
  readonly evicted: number;
}

/** The default ledger: records in process memory, lost on restart. For tests, demos and single processes. */
export function memoryLedgerStore(options: MemoryLedgerStoreOptions = {}): MemoryLedgerStore {
  const maxRecords = Math.max(1, options.maxRecords ?? 100_000);
  // A ring buffer: once full, each new record replaces the oldest.
  const ring: Array<LedgerRecord> = [];
  let next = 0;
  const ids = new Set<string>();
  let evicted = 0;
  /** Newest first. */
  function* newestFirst(): Generator<LedgerRecord> {
    for (let i = 1; i <= ring.length; i++) {
      const record = ring[(next - i + ring.length) % ring.length];
      if (record !== undefined) yield record;
    }
  }
  return {
    get evicted() {
      return evicted;
    },
    async write(batch) {
      for (const record of batch) {
        if (ids.has(record.id)) continue;
        ids.add(record.id);
        if (ring.length < maxRecords) {
          ring.push(record);
          next = ring.length % maxRecords;
          continue;
        }
        const old = ring[next];
        if (old !== undefined) ids.delete(old.id);
        ring[next] = record;
        next = (next + 1) % maxRecords;
        evicted++;
      }
    },
    async report(query) {
      return assembleReport(query, aggregateRecords(ring, query));
    },
    async list(query = {}) {
      const { start = Number.NEGATIVE_INFINITY, end = Number.POSITIVE_INFINITY, limit = 100 } = query;
      const found: Array<LedgerRecord> = [];
      for (const record of newestFirst()) {
        if (found.length >= limit) break;
        if (record.timestamp >= start && record.timestamp < end) found.push(record);
      }
      return found;
    },
  };
}
