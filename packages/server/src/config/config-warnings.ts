import { tracesUrl } from '../build/sections/create-tracer-provider.js';
import { planGuardrails } from './plan-guardrails.js';
import type { ConfigDocument } from './schema/config-schema.js';

/**
 * What a configuration relies on defaults or workarounds for: config is never ignored silently. Each
 * entry is one line for the startup log and `switchyard validate`.
 */
export function configWarnings(config: ConfigDocument): Array<string> {
  const warnings: Array<string> = [];
  if (Object.keys(config.providers ?? {}).length === 0) {
    warnings.push(
      'providers: none defined — `switchyard serve` needs at least one (add a file with a `providers:` section)',
    );
  }
  if (config.guardrails !== undefined) warnings.push(...planGuardrails(config).warnings);
  const endpoint = config.observability?.tracing?.endpoint;
  if (endpoint !== undefined && new URL(endpoint).port === '4317') {
    warnings.push(
      `observability.tracing.endpoint: port 4317 is usually OTLP/gRPC; spans are sent as OTLP/HTTP (JSON) to ${tracesUrl(endpoint)} — point it at the collector's HTTP port (usually 4318)`,
    );
  }
  if (
    config.cache?.mode === 'semantic' &&
    config.cache.embedding_model === undefined &&
    config.cache.enabled !== false
  ) {
    warnings.push(
      "cache.mode: 'semantic' needs cache.embedding_model (a strategy or 'provider/model' that serves embeddings); the cache runs in 'exact' mode until it is set",
    );
  }
  const emailChannels = Object.values(config.alerts ?? {}).some((rule) =>
    (rule.channels ?? []).some((channel) => channel.type === 'email'),
  );
  if (emailChannels && config.spend?.smtp === undefined) {
    warnings.push('alerts: email channels send through smtp://localhost:25 because spend.smtp is not set');
  }
  return warnings;
}
