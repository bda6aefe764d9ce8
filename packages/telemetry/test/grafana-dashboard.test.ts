import { type Middleware, memoryCircuitStore } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import dashboard from '../../../examples/grafana/switchyard-dashboard.json';
import { telemetry } from '../src/index.js';
import { isRecord } from '../src/internal/is-record.js';
import { parsePrometheusText } from './parse-prometheus-text.js';
import { parsePromql } from './promql/parse-promql.js';
import { fakeCache, hello, scriptedGateway } from './scripted-gateway.js';

/** Metric name → its label names, from a scrape after traffic that exercises every metric. */
const exportedMetrics = async (prefix?: string): Promise<Map<string, Set<string>>> => {
  const guard: Middleware = {
    name: 'guard',
    stages: {
      input: (state, next) => {
        state.locals.set('guardrails.verdicts', [{ check: 'pii', stage: 'input', verdict: 'pass' }]);
        return next();
      },
    },
  };
  const observability = telemetry({
    metrics: { circuits: { store: memoryCircuitStore() }, ...(prefix === undefined ? {} : { prefix }) },
  });
  const gateway = scriptedGateway([observability, fakeCache(), guard]);
  const create = gateway.chat.completions.create;
  await create({ model: 'production-fallback', messages: hello });
  await create({ model: 'broken', messages: hello }).catch(() => undefined);
  await create({ model: 'chat', messages: hello }, { cache: { mode: 'exact' } });
  for await (const _chunk of await create({ model: 'chat', messages: hello, stream: true })) {
    // read to the end
  }
  const metrics = new Map<string, Set<string>>();
  for (const sample of parsePrometheusText(await observability.metrics())) {
    const labels = metrics.get(sample.name) ?? new Set();
    for (const label of Object.keys(sample.labels)) labels.add(label);
    metrics.set(sample.name, labels);
  }
  return metrics;
};

/** Grafana's built-in interval variables and the dashboard's own variables, as Grafana would expand them. */
const expandVariables = (query: string): string =>
  query
    .replaceAll('$__rate_interval', '5m')
    .replaceAll('$__interval', '1m')
    .replaceAll('$__range', '6h')
    .replace(/\$(provider|model)\b/g, '.*');

const collectPanels = (value: unknown): Array<Record<string, unknown>> => {
  if (!isRecord(value) || !Array.isArray(value.panels)) return [];
  return value.panels.filter(isRecord).flatMap((panel) => [panel, ...collectPanels(panel)]);
};

const panelQueries = (): Array<{ title: string; expr: string }> =>
  collectPanels(dashboard).flatMap((panel) =>
    (Array.isArray(panel.targets) ? panel.targets : [])
      .filter(isRecord)
      .map((target) => ({ title: String(panel.title), expr: String(target.expr) })),
  );

/** `label_values(<selector>, <label>)` queries of the dashboard's variables. */
const variableQueries = (): Array<{ selector: string; label: string }> => {
  const templating = isRecord(dashboard.templating) ? dashboard.templating.list : [];
  return (Array.isArray(templating) ? templating : []).filter(isRecord).flatMap((variable) => {
    if (variable.type !== 'query') return [];
    const definition = String(variable.definition);
    const match = /^label_values\((.+),\s*([A-Za-z_][A-Za-z0-9_]*)\)$/.exec(definition);
    if (match === null) throw new Error(`Unexpected variable query: ${definition}`);
    return [{ selector: match[1] ?? '', label: match[2] ?? '' }];
  });
};

/** Parses a query and checks that it only names exported metrics and their labels; returns the metrics. */
const checkQuery = (query: string, metrics: Map<string, Set<string>>): Array<string> => {
  const parsed = parsePromql(expandVariables(query));
  expect(['instant', 'scalar']).toContain(parsed.type);
  const used: Array<string> = [];
  const available = new Set<string>();
  for (const selector of parsed.selectors) {
    const metric = selector.metric ?? '';
    const labels = metrics.get(metric);
    expect(labels, `${query} names ${metric}, which is not exported`).toBeDefined();
    for (const matcher of selector.matchers) {
      expect(labels, `${query}: ${metric} has no label ${matcher.label}`).toContain(matcher.label);
    }
    for (const label of labels ?? []) available.add(label);
    used.push(metric);
  }
  for (const label of parsed.groupingLabels) {
    expect(available, `${query} groups by ${label}, which none of its metrics has`).toContain(label);
  }
  return used;
};

describe('the Grafana dashboard', () => {
  it('has queries that all parse and reference only real metrics and labels', async () => {
    const metrics = await exportedMetrics();
    const queries = panelQueries();
    expect(queries.length).toBeGreaterThan(10);
    const used = new Set(queries.flatMap(({ expr }) => checkQuery(expr, metrics)));
    for (const { selector, label } of variableQueries()) {
      for (const metric of checkQuery(selector, metrics)) expect(metrics.get(metric)).toContain(label);
    }
    // requests/s, latency, TTFT, tokens by model, spend, cache hit rate, errors/fallbacks by provider
    for (const metric of [
      'switchyard_requests_total',
      'switchyard_request_duration_seconds_bucket',
      'switchyard_time_to_first_token_seconds_bucket',
      'switchyard_tokens_total',
      'switchyard_spend_total',
      'switchyard_cache_hits_total',
      'switchyard_fallbacks_total',
      'switchyard_retries_total',
      'switchyard_circuit_state',
    ]) {
      expect(used).toContain(metric);
    }
    const latency = queries.filter(({ expr }) => expr.includes('switchyard_request_duration_seconds_bucket'));
    expect(latency.map(({ expr }) => /histogram_quantile\(([\d.]+)/.exec(expr)?.[1])).toEqual([
      '0.5',
      '0.95',
      '0.99',
    ]);
  });

  it("accepts the reference article's Grafana queries with the portkey_ prefix", async () => {
    const metrics = await exportedMetrics('portkey_');
    for (const query of [
      'rate(portkey_requests_total[5m])',
      'histogram_quantile(0.95, portkey_request_duration_seconds_bucket)',
      'sum by (model) (portkey_tokens_total)',
    ]) {
      expect(checkQuery(query, metrics).length).toBe(1);
    }
  });

  it('would catch a query naming a metric that does not exist', async () => {
    const metrics = await exportedMetrics();
    expect(() => checkQuery('rate(switchyard_request_total[5m])', metrics)).toThrow(/not exported/);
    expect(() => checkQuery('sum by (user_id) (rate(switchyard_requests_total[5m]))', metrics)).toThrow(
      /user_id/,
    );
  });
});
