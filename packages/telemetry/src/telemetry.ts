import type { GatewayResult, Middleware, MiddlewareHandler } from '@switchyard/core';
import type { Registry } from 'prom-client';
import { memoizeText } from './internal/memoize-text.js';
import { buildLogRecord } from './logs/build-log-record.js';
import { memorySink } from './logs/memory-sink.js';
import { RequestLogSinks, type RequestLogs } from './logs/request-logs.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { createRedactor } from './redact/redactor.js';
import { completionOutcome, failedOutcome, streamOutcome } from './request/build-outcome.js';
import { observeStream } from './request/observe-stream.js';
import type { RequestOutcome } from './request/request-outcome.js';
import type { TelemetryOptions } from './telemetry-options.js';
import { type RequestSpan, RequestTracer } from './tracing/request-tracer.js';

/** The telemetry middleware and its admin objects. */
export interface Telemetry extends Middleware {
  /** The request log: `query()`, `flush()`, `stats()`. */
  readonly logs: RequestLogs;
  /** The metrics in Prometheus text format (the whole registry, when one was given); `''` with metrics off. */
  metrics(): Promise<string>;
  /** The `Content-Type` to serve `metrics()` with. */
  readonly metricsContentType: string;
  /** The prom-client registry the metrics live in; undefined with metrics off. */
  readonly registry: Registry | undefined;
  /** Writes what is queued and closes the log sinks; later records are dropped (and counted). */
  close(): Promise<void>;
}

const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The default `onError`: one console warning per sink (its message scrubbed: a driver error may quote a URL with a password). */
const warnOncePerSink = (scrub: (text: string) => string) => {
  const warned = new Set<string>();
  return (error: unknown, sink: string) => {
    if (warned.has(sink)) return;
    warned.add(sink);
    const reason = scrub(error instanceof Error ? error.message : String(error));
    console.warn(`@switchyard/telemetry: '${sink}' failed (${reason}); records are retried and counted.`);
  };
};

/**
 * Observability as gateway middleware (stage `telemetry`, the outermost): one redacted log record per
 * request, Prometheus metrics and OpenTelemetry spans. Nothing here blocks or fails a request: records are
 * written in the background through bounded queues, and a telemetry fault is reported, never thrown.
 */
export function telemetry(options: TelemetryOptions = {}): Telemetry {
  const redact = createRedactor(options.redact);
  const cleanName = memoizeText(redact.text);
  const logOptions = options.logs === false ? undefined : (options.logs ?? {});
  const onError = logOptions?.onError ?? warnOncePerSink(redact.text);
  const logs = new RequestLogSinks(
    logOptions === undefined ? [] : (logOptions.sinks ?? [memorySink()]),
    (outcome) => buildLogRecord(outcome, redact),
    logOptions ?? {},
    onError,
  );
  const metrics =
    options.metrics === false
      ? undefined
      : new GatewayMetrics(options.metrics ?? {}, cleanName, () => logs.stats());
  const tracer =
    options.tracing === false
      ? undefined
      : new RequestTracer(
          options.tracing?.tracer ?? options.tracing?.tracerProvider?.getTracer('@switchyard/telemetry'),
          redact,
          cleanName,
          options.tracing?.captureContent === true,
        );
  const bodies = logOptions?.bodies ?? false;
  const logBodiesFor = typeof bodies === 'function' ? bodies : () => bodies;

  const finish = (outcome: RequestOutcome, span: RequestSpan | undefined): void => {
    try {
      metrics?.record(outcome);
      if (span !== undefined) tracer?.end(span, outcome);
      if (logOptions !== undefined) logs.enqueue(outcome);
    } catch (error) {
      onError(error, 'telemetry');
    }
  };

  const handler: MiddlewareHandler = async (state, next) => {
    const context = {
      state,
      startedAt: performance.timeOrigin + state.startedAt,
      logBodies: logBodiesFor(state),
    };
    metrics?.requestStarted();
    const span = tracer?.start(state);
    let result: GatewayResult;
    try {
      result = span === undefined || tracer === undefined ? await next() : await tracer.run(span, next);
    } catch (error) {
      finish(failedOutcome(context, error), span);
      throw error;
    }
    if (result.type === 'completion') {
      finish(completionOutcome(context, result.completion), span);
      return result;
    }
    const stream = observeStream(result.stream, context.logBodies, (end) =>
      finish(streamOutcome(context, end), span),
    );
    return { type: 'stream', stream };
  };

  return {
    name: options.name ?? 'telemetry',
    stages: { telemetry: handler },
    logs,
    metrics: async () => (metrics === undefined ? '' : metrics.registry.metrics()),
    metricsContentType: metrics?.registry.contentType ?? PROMETHEUS_CONTENT_TYPE,
    registry: metrics?.registry,
    close: () => logs.close(),
  };
}
