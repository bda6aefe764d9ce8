import type { TracerProvider } from '@opentelemetry/api';
import { isRecord } from '../../internal/is-record.js';
import { importOptional } from '../../storage/import-optional.js';

/** A provider that can be flushed and stopped on shutdown. */
export interface ClosableTracerProvider extends TracerProvider {
  shutdown(): Promise<void>;
}

type Constructor = new (...args: Array<unknown>) => unknown;

const isConstructor = (value: unknown): value is Constructor => typeof value === 'function';

const exported = (module: unknown, name: string): Constructor => {
  const value = isRecord(module) ? module[name] : undefined;
  if (!isConstructor(value)) throw new Error(`The OpenTelemetry package does not export ${name}.`);
  return value;
};

const isTracerProvider = (value: unknown): value is ClosableTracerProvider =>
  isRecord(value) && typeof value.getTracer === 'function' && typeof value.shutdown === 'function';

/** OTLP/HTTP wants the traces path; the reference configuration names the collector's base endpoint. */
export const tracesUrl = (endpoint: string): string => {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/v1/traces')) url.pathname = `${url.pathname.replace(/\/$/, '')}/v1/traces`;
  return url.href;
};

/**
 * An OpenTelemetry SDK tracer provider exporting spans over OTLP/HTTP (JSON) or to the console, built from
 * the optional peers `@opentelemetry/sdk-trace-base` and `@opentelemetry/exporter-trace-otlp-http`
 * (and `@opentelemetry/resources` for `service_name`), which are loaded only when tracing is configured.
 */
export async function createTracerProvider(options: {
  exporter: 'otlp' | 'console';
  endpoint: string | undefined;
  serviceName: string;
}): Promise<ClosableTracerProvider> {
  const sdk = await importOptional('@opentelemetry/sdk-trace-base', 'observability.tracing');
  let exporter: unknown;
  if (options.exporter === 'console') {
    exporter = new (exported(sdk, 'ConsoleSpanExporter'))();
  } else {
    const otlp = await importOptional(
      '@opentelemetry/exporter-trace-otlp-http',
      'observability.tracing.exporter: otlp',
    );
    const OTLPTraceExporter = exported(otlp, 'OTLPTraceExporter');
    exporter = new OTLPTraceExporter(
      options.endpoint === undefined ? {} : { url: tracesUrl(options.endpoint) },
    );
  }
  const processor = new (exported(sdk, 'BatchSpanProcessor'))(exporter);
  const resources = await importOptional(
    '@opentelemetry/resources',
    'observability.tracing.service_name',
  ).catch(() => undefined);
  const fromAttributes = isRecord(resources) ? resources.resourceFromAttributes : undefined;
  const resource =
    typeof fromAttributes === 'function'
      ? Reflect.apply(fromAttributes, undefined, [{ 'service.name': options.serviceName }])
      : undefined;
  const provider = new (exported(sdk, 'BasicTracerProvider'))({
    spanProcessors: [processor],
    ...(resource === undefined ? {} : { resource }),
  });
  if (!isTracerProvider(provider))
    throw new Error('The OpenTelemetry SDK returned an unexpected tracer provider.');
  return provider;
}
