export { type JsonLinesTarget, jsonLinesSink, type NodeStyleWritable } from './logs/json-lines-sink.js';
export type { LogQuery, ResolvedLogQuery } from './logs/log-query.js';
export { logQueryFromSearchParams } from './logs/log-query-from-search-params.js';
export type { LogSink } from './logs/log-sink.js';
export { type MemorySinkOptions, memorySink } from './logs/memory-sink.js';
export { type PostgresSinkOptions, postgresSink, type SqlClient } from './logs/postgres-sink.js';
export { readLogRecord } from './logs/read-log-record.js';
export type {
  GuardrailVerdict,
  LoggedChoice,
  LoggedError,
  LoggedUsage,
  RequestLogRecord,
  RequestStatus,
} from './logs/request-log-record.js';
export type { RequestLogs } from './logs/request-logs.js';
export type { LogQueueOptions, SinkStats } from './logs/sink-writer.js';
export { OVERFLOW_LABEL_VALUE } from './metrics/label-limiter.js';
export {
  type CircuitMetricsSource,
  DEFAULT_DURATION_BUCKETS,
  DEFAULT_METRIC_PREFIX,
  DEFAULT_TTFT_BUCKETS,
  type MetricsOptions,
} from './metrics/metrics-options.js';
export { createRedactor, REDACTED, type RedactOptions, type Redactor } from './redact/redactor.js';
export { GUARDRAIL_VERDICTS_LOCAL } from './request/read-guardrail-verdicts.js';
export { type Telemetry, telemetry } from './telemetry.js';
export type { LogsOptions, TelemetryOptions } from './telemetry-options.js';
export { parseTraceparent } from './tracing/parse-traceparent.js';
export type { TracingOptions } from './tracing/tracing-options.js';
