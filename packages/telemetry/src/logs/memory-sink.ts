import type { LogSink } from './log-sink.js';
import { matchesLogQuery } from './matches-log-query.js';
import type { RequestLogRecord } from './request-log-record.js';

export interface MemorySinkOptions {
  /** Records kept; the oldest are overwritten. Default 1 000. */
  maxRecords?: number;
}

/** A bounded ring of the latest records in memory: the default sink, queryable. */
export function memorySink(options: MemorySinkOptions = {}): LogSink {
  const capacity = Math.max(1, options.maxRecords ?? 1_000);
  let ring: Array<RequestLogRecord | undefined> = new Array(capacity);
  let next = 0;
  let size = 0;

  return {
    name: 'memory',
    write(records) {
      for (const record of records) {
        ring[next] = record;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
      }
    },
    query(query) {
      const found: Array<RequestLogRecord> = [];
      for (let offset = 1; offset <= size && found.length < query.limit; offset++) {
        const record = ring[(next - offset + capacity) % capacity];
        if (record !== undefined && matchesLogQuery(record, query)) found.push(record);
      }
      return found;
    },
    close() {
      ring = new Array(capacity);
      next = 0;
      size = 0;
    },
  };
}
