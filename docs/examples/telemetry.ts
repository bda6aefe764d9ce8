/**
 * docs/telemetry.md — request logs with query, Prometheus metrics and OpenTelemetry spans, on mock
 * providers; spans go to an in-memory exporter here instead of a collector.
 *   node --conditions=@switchyard/source --import tsx docs/examples/telemetry.ts
 */
import assert from 'node:assert/strict';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createGateway, fallback } from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';
import { memorySink, telemetry } from '@switchyard/telemetry';

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

const observability = telemetry({
  logs: { sinks: [memorySink({ maxRecords: 1000 })] },
  metrics: { prefix: 'switchyard_' },
  tracing: { tracerProvider },
});
const gateway = createGateway({
  providers: {
    'openai-primary': mockProvider({ reply: faultReply({ status: 503 }) }),
    'anthropic-primary': mockProvider({ reply: 'Hello!' }),
  },
  routes: {
    'production-fallback': fallback([
      { provider: 'openai-primary', model: 'gpt-4o', retry: { attempts: 0 } },
      { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
    ]),
  },
  middleware: [observability],
});

await gateway.chat.completions.create(
  { model: 'production-fallback', messages: [{ role: 'user', content: 'Hello' }] },
  { metadata: { user_id: 'user-456', session_id: 'session-xyz-789' }, traceId: 'trace-abc-123' },
);
await gateway.chat.completions
  .create(
    { model: 'openai-primary/gpt-4o', messages: [{ role: 'user', content: 'Hello' }] },
    { maxRetries: 0 },
  )
  .catch(() => {}); // a failed request is logged too

// Logs: newest first; every filter must match.
const [record] = await observability.logs.query({ limit: 100, metadata: { user_id: 'user-456' } });
console.log(record?.traceId, record?.status, record?.provider, `fallbacks: ${record?.fallbacks}`);
assert.equal(record?.traceId, 'trace-abc-123');
assert.equal(record?.fallbacks, 1);
const errors = await observability.logs.query({ status: 'error' });
assert.equal(errors[0]?.statusCode, 503);

// Metrics: Prometheus text, to serve at GET /metrics.
const metrics = await observability.metrics();
console.log(metrics.split('\n').filter((line) => line.startsWith('switchyard_requests_total')));
assert.match(metrics, /switchyard_fallbacks_total\{provider="openai-primary",model="gpt-4o"\} 1/);

// Spans: one per request plus one CLIENT span per provider attempt, with GenAI attributes.
for (const span of exporter.getFinishedSpans()) {
  console.log(
    span.name,
    span.attributes['gen_ai.provider.name'] ?? '',
    span.attributes['switchyard.route'] ?? '',
  );
}
assert.ok(exporter.getFinishedSpans().some((span) => span.name === 'chat production-fallback'));

await observability.close(); // on shutdown: write queued records, close the sinks
