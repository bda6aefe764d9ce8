import type { MiddlewareState } from '@switchyard/core';
import type { LogSink } from './logs/log-sink.js';
import type { LogQueueOptions } from './logs/sink-writer.js';
import type { MetricsOptions } from './metrics/metrics-options.js';
import type { RedactOptions } from './redact/redactor.js';
import type { TracingOptions } from './tracing/tracing-options.js';

export interface LogsOptions extends LogQueueOptions {
  /** Where records go. Default `[memorySink()]` (the latest 1 000 records). */
  sinks?: ReadonlyArray<LogSink>;
  /**
   * Log request and response bodies: for every request (`true`), none (`false`), or per request
   * (`(state) => boolean`, e.g. by a metadata flag). Bodies are redacted and masked. Default false.
   */
  bodies?: boolean | ((state: MiddlewareState) => boolean);
  /** Called when a sink write fails (the batch is retried). Default: a console warning per sink, once. */
  onError?: (error: unknown, sink: string) => void;
}

export interface TelemetryOptions {
  /** Request logs; `false` turns them off. */
  logs?: LogsOptions | false;
  /** Prometheus metrics with prom-client; `false` turns them off. */
  metrics?: MetricsOptions | false;
  /** OpenTelemetry spans; `false` turns them off. */
  tracing?: TracingOptions | false;
  /** What is scrubbed from logs, span attributes and metric labels (API keys always are). */
  redact?: RedactOptions;
  /** The middleware's name. Default `telemetry`. */
  name?: string;
}
