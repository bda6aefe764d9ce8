import type { ResolvedLogQuery } from './log-query.js';
import type { RequestLogRecord } from './request-log-record.js';

/**
 * Where request log records go. Records arrive redacted, in batches, off the request path; a sink that
 * can answer `query` serves `logs.query()`.
 */
export interface LogSink {
  /** Names the sink in stats and metrics, e.g. `memory`, `json-lines`, `postgres`. */
  readonly name: string;
  write(records: ReadonlyArray<RequestLogRecord>): void | Promise<void>;
  query?(query: ResolvedLogQuery): Array<RequestLogRecord> | Promise<Array<RequestLogRecord>>;
  /** Releases what the sink holds (not the client or stream it was given). */
  close?(): void | Promise<void>;
}
