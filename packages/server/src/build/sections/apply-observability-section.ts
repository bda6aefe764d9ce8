import { ConfigError } from '../../config/config-error.js';
import { type ClosableTracerProvider, createTracerProvider } from './create-tracer-provider.js';
import type { SectionAdapter, SectionContext } from './section-adapter.js';

const TRACES_FLUSH_TIMEOUT_MS = 2000;

const withDeadline = async (promise: Promise<void>, ms: number): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    promise.catch(() => {}),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
};

/** Every secret the configuration holds, scrubbed from logs and spans by value. */
const configSecrets = ({ config }: SectionContext): Array<string> => {
  const classifier = config.guardrails?.classifier;
  return [
    ...Object.values(config.providers ?? {}).flatMap((provider) =>
      'api_key' in provider && provider.api_key !== undefined ? [provider.api_key] : [],
    ),
    ...(classifier?.type === 'openai_moderation' && classifier.api_key !== undefined
      ? [classifier.api_key]
      : []),
    ...(config.server?.api_keys ?? []).map((entry) => entry.key),
    ...(config.server?.admin_key === undefined ? [] : [config.server.admin_key]),
  ];
};

const loadTelemetry = async () => {
  try {
    return await import('@switchyard/telemetry');
  } catch (error) {
    throw new ConfigError(
      [
        {
          path: 'observability',
          message: `needs @switchyard/telemetry with its peers prom-client and @opentelemetry/api installed (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
      { cause: error },
    );
  }
};

/**
 * `observability:` → `@switchyard/telemetry`: one redacted log record per request (PostgreSQL when
 * configured, so `/v1/admin/logs` shows every replica's requests), Prometheus metrics added to `/metrics`,
 * and OpenTelemetry spans exported over OTLP/HTTP when `tracing.exporter` is `otlp`.
 */
export const applyObservabilitySection: SectionAdapter = async (context) => {
  const section = context.config.observability;
  if (section === undefined) return undefined;
  const { telemetry, memorySink, postgresSink } = await loadTelemetry();
  const { logs, metrics, tracing } = section;
  const sql = context.storage.sql;
  const usePostgres = (logs?.store ?? (sql !== undefined ? 'postgres' : 'memory')) === 'postgres';
  let tracerProvider: ClosableTracerProvider | undefined;
  if (tracing !== undefined && tracing.enabled !== false && tracing.exporter !== 'none') {
    tracerProvider = await createTracerProvider({
      exporter: tracing.exporter ?? 'otlp',
      endpoint: tracing.endpoint,
      serviceName: tracing.service_name ?? 'switchyard',
    });
  }
  const observability = telemetry({
    logs:
      logs?.enabled === false
        ? false
        : {
            sinks: [
              usePostgres && sql !== undefined
                ? postgresSink(sql.client)
                : memorySink(logs?.max_records === undefined ? {} : { maxRecords: logs.max_records }),
            ],
            onError: (error, sink) => context.logger.warn('telemetry: log write failed', { error, sink }),
          },
    metrics:
      metrics?.enabled === false ? false : metrics?.prefix === undefined ? {} : { prefix: metrics.prefix },
    // Without a tracing section spans go to the global provider (a no-op unless an SDK registered one).
    tracing: tracing?.enabled === false ? false : tracerProvider === undefined ? {} : { tracerProvider },
    redact: { secrets: configSecrets(context) },
  });
  return {
    middleware: [observability],
    admin: {
      logs: {
        query: ({ limit, status }) =>
          observability.logs.query({
            limit,
            ...(status === 'success' || status === 'error' || status === 'cancelled' ? { status } : {}),
          }),
      },
    },
    metrics: metrics?.enabled === false ? undefined : () => observability.metrics(),
    close: async () => {
      await observability.close();
      // Flush spans, but do not hold shutdown hostage to an unreachable collector.
      if (tracerProvider !== undefined)
        await withDeadline(tracerProvider.shutdown(), TRACES_FLUSH_TIMEOUT_MS);
    },
  };
};
