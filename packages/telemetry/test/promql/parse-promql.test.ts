import { describe, expect, it } from 'vitest';
import { parsePromql } from './parse-promql.js';

describe('parsePromql (the dashboard validator)', () => {
  it.each([
    'rate(portkey_requests_total[5m])',
    'histogram_quantile(0.95, portkey_request_duration_seconds_bucket)',
    'sum by (model) (portkey_tokens_total)',
    'sum(rate(x_total{a="b",c=~"d|e"}[5m])) / sum(rate(x_total[5m])) * 100',
    'histogram_quantile(0.99, sum by (le, provider) (rate(h_bucket[1h30m])))',
    'max without (instance) (g) > bool 1',
    'a / on (provider) group_left (model) b',
    'topk(5, sum by (model) (increase(spend_total[1d] offset 1h)))',
    '-x ^ 2 ^ 3 or vector(0)',
    'max_over_time(rate(x[5m])[1h:1m])',
    '{__name__=~"switchyard_.+"}',
  ])('accepts %s', (query) => {
    expect(() => parsePromql(query)).not.toThrow();
  });

  it.each([
    ['rate(x_total)', /range/],
    ['sum(rate(x[5m])', /Expected '\)'/],
    ['histogram_quantile(x_bucket)', /arguments/],
    ['frobnicate(x)', /Unknown function/],
    ['x{a=b}', /quoted label value/],
    ['x{a=~"("}', /regular expression|Invalid/],
    ['sum by (model) rate(x[5m])', /Expected '\('/],
    ['rate(x[5])', /duration/],
    ['x[5m] + 1', /needs numbers or instant vectors/],
    ['1 > 2', /bool/],
    ['{a=""}', /does not match the empty string/],
    ['x y', /Unexpected/],
  ])('rejects %s', (query, message) => {
    expect(() => parsePromql(query)).toThrow(message);
  });

  it('reports the selectors and grouping labels a query uses', () => {
    expect(parsePromql('sum by (model, type) (rate(t_total{provider=~"$p"}[5m]))')).toEqual({
      type: 'instant',
      selectors: [{ metric: 't_total', matchers: [{ label: 'provider', op: '=~', value: '$p' }] }],
      groupingLabels: ['model', 'type'],
    });
  });
});
