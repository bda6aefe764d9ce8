import type { RequestOutcome } from '../request/request-outcome.js';
import type { LogQuery } from './log-query.js';
import { resolveLogQuery } from './log-query.js';
import type { LogSink } from './log-sink.js';
import type { RequestLogRecord } from './request-log-record.js';
import { type LogQueueOptions, type SinkStats, SinkWriter } from './sink-writer.js';

/** The request log of a `telemetry()` instance: `telemetry.logs`. */
export interface RequestLogs {
  /**
   * Records matching every given filter, newest first (the reference article's
   * `/v1/admin/logs?limit=100&status=error` is `query({ limit: 100, status: 'error' })`). Served by the first
   * queryable sink after writing what is queued for it.
   */
  query(query?: LogQuery): Promise<Array<RequestLogRecord>>;
  /** Writes everything queued to every sink. */
  flush(): Promise<void>;
  /** Per sink: queued, written, dropped records and failed writes. */
  stats(): Array<SinkStats>;
}

/** Builds records once per request (shared by all sinks, stable across retries) and fans them out. */
export class RequestLogSinks implements RequestLogs {
  readonly writers: ReadonlyArray<SinkWriter<RequestOutcome>>;
  private readonly records = new WeakMap<RequestOutcome, RequestLogRecord>();

  constructor(
    sinks: ReadonlyArray<LogSink>,
    build: (outcome: RequestOutcome) => RequestLogRecord,
    options: LogQueueOptions,
    onError: (error: unknown, sink: string) => void,
  ) {
    const buildOnce = (outcome: RequestOutcome): RequestLogRecord => {
      let record = this.records.get(outcome);
      if (record === undefined) {
        record = build(outcome);
        this.records.set(outcome, record);
      }
      return record;
    };
    this.writers = sinks.map(
      (sink) => new SinkWriter(sink, buildOnce, options, (error) => onError(error, sink.name)),
    );
  }

  enqueue(outcome: RequestOutcome): void {
    for (const writer of this.writers) writer.enqueue(outcome);
  }

  async query(query: LogQuery = {}): Promise<Array<RequestLogRecord>> {
    const resolved = resolveLogQuery(query);
    const writer = this.writers.find((candidate) => candidate.sink.query !== undefined);
    if (writer?.sink.query === undefined) {
      throw new Error(
        'No log sink can answer queries; add memorySink() or postgresSink() to telemetry({ logs: { sinks } }).',
      );
    }
    // Read your writes; a failing sink has already counted and reported its failure.
    await writer.flush().catch(() => undefined);
    return writer.sink.query(resolved);
  }

  async flush(): Promise<void> {
    const results = await Promise.allSettled(this.writers.map((writer) => writer.flush()));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  }

  stats(): Array<SinkStats> {
    return this.writers.map((writer) => writer.stats());
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.writers.map((writer) => writer.close()));
  }
}
