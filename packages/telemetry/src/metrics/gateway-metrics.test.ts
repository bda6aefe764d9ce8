import { createGateway, type Middleware, memoryCircuitStore, single } from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';
import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from '../../test/parse-prometheus-text.js';
import { COST_PER_ANSWER, fakeCache, hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { type LogSink, telemetry } from '../index.js';

const scriptedRun = async (prefix?: string) => {
  const observability = telemetry({ metrics: prefix === undefined ? {} : { prefix } });
  const gateway = scriptedGateway([observability, fakeCache()]);
  const create = gateway.chat.completions.create;
  await create({ model: 'chat', messages: hello });
  await create({ model: 'chat', messages: hello });
  await create({ model: 'broken', messages: hello }).catch(() => undefined);
  await create({ model: 'flaky', messages: hello });
  await create({ model: 'production-fallback', messages: hello });
  await create(
    { model: 'chat', messages: [{ role: 'user', content: 'cached?' }] },
    { cache: { mode: 'exact' } },
  );
  await create(
    { model: 'chat', messages: [{ role: 'user', content: 'cached?' }] },
    { cache: { mode: 'exact' } },
  );
  for await (const _chunk of await create({ model: 'chat', messages: hello, stream: true })) {
    // read to the end
  }
  return observability;
};

const gpt4o = { provider: 'openai-primary', model: 'gpt-4o' };

describe('Prometheus metrics', () => {
  it('scrapes the right values in Prometheus text format after a scripted run', async () => {
    const observability = await scriptedRun();
    const text = await observability.metrics();
    expect(observability.metricsContentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# TYPE switchyard_requests_total counter');
    expect(text).toContain('# TYPE switchyard_request_duration_seconds histogram');
    const samples = parsePrometheusText(text);
    const value = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(samples, `switchyard_${name}`, labels);

    // chat ×2, the cache miss and hit, the stream
    expect(value('requests_total', { ...gpt4o, status: 'success', code: '200' })).toBe(5);
    expect(value('requests_total', { model: 'gpt-4o-bad', status: 'error', code: '400' })).toBe(1);
    expect(value('requests_total', { model: 'gpt-4o-flaky', status: 'success' })).toBe(1);
    expect(value('requests_total', { provider: 'anthropic-primary', model: 'claude-sonnet-4' })).toBe(1);
    expect(value('request_duration_seconds_count', gpt4o)).toBe(5);
    expect(value('request_duration_seconds_bucket', { ...gpt4o, le: '+Inf' })).toBe(5);
    expect(value('time_to_first_token_seconds_count', gpt4o)).toBe(1);
    // Four answers came from the provider (the cache hit consumed no tokens).
    expect(value('tokens_total', { ...gpt4o, type: 'input' })).toBe(400);
    expect(value('tokens_total', { ...gpt4o, type: 'output' })).toBe(80);
    expect(value('tokens_total', { ...gpt4o, type: 'cached' })).toBe(160);
    expect(value('tokens_total', { ...gpt4o, type: 'reasoning' })).toBe(20);
    expect(value('spend_total', gpt4o)).toBeCloseTo(4 * COST_PER_ANSWER, 12);
    expect(value('cache_hits_total', { result: 'hit' })).toBe(1);
    expect(value('cache_hits_total', { result: 'miss' })).toBe(1);
    expect(value('retries_total', { model: 'gpt-4o-flaky' })).toBe(1);
    expect(value('retries_total', { model: 'gpt-4o-down' })).toBe(1);
    expect(value('fallbacks_total', { provider: 'openai-primary', model: 'gpt-4o-down' })).toBe(1);
    expect(value('requests_in_flight')).toBe(0);
    expect(value('log_records_dropped_total', { sink: 'memory' })).toBe(0);

    // A second scrape adds nothing by itself; new traffic adds to the totals.
    const again = parsePrometheusText(await observability.metrics());
    expect(sampleValue(again, 'switchyard_requests_total', { ...gpt4o, status: 'success' })).toBe(5);
  });

  it("works with the reference article's Grafana queries under the portkey_ prefix", async () => {
    const observability = await scriptedRun('portkey_');
    const names = new Set(parsePrometheusText(await observability.metrics()).map((sample) => sample.name));
    // rate(portkey_requests_total[5m]), histogram_quantile(0.95, portkey_request_duration_seconds_bucket),
    // sum by (model) (portkey_tokens_total), plus the article's cache and spend metrics.
    for (const name of [
      'portkey_requests_total',
      'portkey_request_duration_seconds_bucket',
      'portkey_tokens_total',
      'portkey_cache_hits_total',
      'portkey_spend_total',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('registers in a registry the caller owns, next to its other metrics', async () => {
    const registry = new Registry();
    new Counter({ name: 'app_jobs_total', help: 'Jobs.', registers: [registry] }).inc();
    const observability = telemetry({ metrics: { registry } });
    await scriptedGateway([observability]).chat.completions.create({ model: 'chat', messages: hello });
    expect(observability.registry).toBe(registry);
    const samples = parsePrometheusText(await registry.metrics());
    expect(sampleValue(samples, 'app_jobs_total')).toBe(1);
    expect(sampleValue(samples, 'switchyard_requests_total', gpt4o)).toBe(1);
    expect(await observability.metrics()).toBe(await registry.metrics());
  });

  it('bounds label cardinality: caller-chosen model names beyond the limit count as other', async () => {
    const observability = telemetry({ metrics: { maxLabelValues: 3 } });
    const gateway = createGateway({
      providers: { mock: mockProvider({ usage: false }) },
      routes: { default: single({ provider: 'mock' }) },
      defaultRoute: 'default',
      middleware: [observability],
    });
    for (let index = 0; index < 10; index++) {
      await gateway.chat.completions.create(
        { model: `model-${index}`, messages: hello },
        { metadata: { user_id: `u-${index}` } },
      );
    }
    const samples = parsePrometheusText(await observability.metrics()).filter(
      (sample) => sample.name === 'switchyard_requests_total',
    );
    expect(samples.map((sample) => sample.labels.model).sort()).toEqual([
      'model-0',
      'model-1',
      'model-2',
      'other',
    ]);
    expect(sampleValue(samples, 'switchyard_requests_total', { model: 'other' })).toBe(7);
    // No user ids as labels, ever.
    expect(await observability.metrics()).not.toContain('u-1');
  });

  it('exports circuit state from the gateway circuit store, and guardrail verdicts', async () => {
    const store = memoryCircuitStore();
    const observability = telemetry({
      metrics: { circuits: { store, failureThreshold: 1, cooldownMs: 60_000 } },
    });
    const guard: Middleware = {
      name: 'guard',
      stages: {
        input: (state, next) => {
          state.locals.set('guardrails.verdicts', [{ check: 'pii', stage: 'input', verdict: 'pass' }]);
          return next();
        },
      },
    };
    const gateway = createGateway({
      providers: {
        up: mockProvider(),
        down: mockProvider({ reply: faultReply({ status: 503 }) }),
      },
      routes: { up: single({ provider: 'up', model: 'm' }), down: single({ provider: 'down', model: 'm' }) },
      middleware: [observability, guard],
      circuitBreaker: { store, failureThreshold: 1, cooldownMs: 60_000 },
      maxRetries: 0,
    });
    await gateway.chat.completions.create({ model: 'up', messages: hello });
    await gateway.chat.completions.create({ model: 'down', messages: hello }).catch(() => undefined);
    const samples = parsePrometheusText(await observability.metrics());
    expect(sampleValue(samples, 'switchyard_circuit_state', { provider: 'up', model: 'm' })).toBe(0);
    expect(sampleValue(samples, 'switchyard_circuit_state', { provider: 'down', model: 'm' })).toBe(2);
    expect(
      sampleValue(samples, 'switchyard_guardrail_verdicts_total', {
        check: 'pii',
        stage: 'input',
        verdict: 'pass',
      }),
    ).toBe(2);
  });

  it('counts failed log writes and dropped records', async () => {
    const failing: LogSink = {
      name: 'broken-db',
      write: () => Promise.reject(new Error('connection refused')),
    };
    const errors: Array<string> = [];
    const observability = telemetry({
      logs: { sinks: [failing], maxQueueSize: 1, onError: (_error, sink) => errors.push(sink) },
    });
    const gateway = scriptedGateway([observability]);
    await gateway.chat.completions.create({ model: 'chat', messages: hello });
    await gateway.chat.completions.create({ model: 'chat', messages: hello });
    await expect(observability.logs.flush()).rejects.toThrow('connection refused');
    const samples = parsePrometheusText(await observability.metrics());
    expect(sampleValue(samples, 'switchyard_log_records_dropped_total', { sink: 'broken-db' })).toBe(1);
    expect(
      sampleValue(samples, 'switchyard_log_write_failures_total', { sink: 'broken-db' }),
    ).toBeGreaterThanOrEqual(1);
    expect(errors).toContain('broken-db');
    expect(observability.logs.stats()).toEqual([
      expect.objectContaining({ sink: 'broken-db', queued: 1, written: 0, dropped: 1 }),
    ]);
  });
});
