import { type Context, trace } from '@opentelemetry/api';
import type { RequestOptions } from '@switchyard/core';
import { parseTraceparent } from './parse-traceparent.js';

/**
 * The caller's W3C trace context when the request options carry one (`traceparent`, `tracestate`, as the
 * HTTP handler reads them from incoming headers), as a context to start the request span in.
 */
export function incomingTraceContext(options: RequestOptions, active: Context): Context | undefined {
  if (!('traceparent' in options) || typeof options.traceparent !== 'string') return undefined;
  const tracestate =
    'tracestate' in options && typeof options.tracestate === 'string' ? options.tracestate : undefined;
  const spanContext = parseTraceparent(options.traceparent, tracestate);
  return spanContext === undefined ? undefined : trace.setSpanContext(active, spanContext);
}
