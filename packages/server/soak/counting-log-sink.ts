import type { LogSink, RequestLogRecord } from '@switchyard/telemetry';

/** What the request logs received, aggregated as records are written. */
export interface LogTotals {
  readonly records: number;
  /** Records by `status` (`success`, `error`, `cancelled`). */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Records by cache status. */
  readonly byCache: Readonly<Record<string, number>>;
  /** Σ `attempts.length`: every provider call the gateway made. */
  readonly attempts: number;
  /** Σ `cost` where present. */
  readonly costSum: number;
}

export interface CountingLogSink extends LogSink {
  totals(): LogTotals;
}

const increment = (record: Record<string, number>, key: string): void => {
  record[key] = (record[key] ?? 0) + 1;
};

/** A log sink that counts every record on its way to `inner` (a bounded `memorySink`). */
export function countingLogSink(inner: LogSink): CountingLogSink {
  const byStatus: Record<string, number> = {};
  const byCache: Record<string, number> = {};
  let records = 0;
  let attempts = 0;
  let costSum = 0;
  const count = (record: RequestLogRecord): void => {
    records++;
    increment(byStatus, record.status);
    increment(byCache, record.cache);
    attempts += record.attempts.length;
    costSum += record.cost ?? 0;
  };
  return {
    name: `counting-${inner.name}`,
    async write(batch) {
      await inner.write(batch);
      for (const record of batch) count(record);
    },
    ...(inner.query === undefined ? {} : { query: inner.query.bind(inner) }),
    close: async () => {
      await inner.close?.();
    },
    totals: () => ({ records, byStatus: { ...byStatus }, byCache: { ...byCache }, attempts, costSum }),
  };
}
