import { type DecisionKey, decisionLabels } from './decision-cases.js';
import { type BenchResults, count, micros, signedMicros, verdict } from './report.js';
import { expectedAttempts, type RouteVariantKey, routeVariantLabels } from './routing-variants.js';
import type { Table } from './table.js';
import { decisionLimitNs } from './targets.js';

const decisionKeys = Object.keys(decisionLabels) as Array<DecisionKey>;
const routeKeys = Object.keys(routeVariantLabels) as Array<RouteVariantKey>;

const nanos = (value: number): string => count(Math.round(value));
const attemptsLabel = (statuses: ReadonlyArray<number>): string =>
  statuses.map((status) => (status === 0 ? 'skipped' : String(status))).join(' → ');

export function decisionTable({ routing }: BenchResults): Table {
  const floor = routing.decisions.get('floor')?.medianNs ?? 0;
  const verdicts = new Map(routing.decisionVerdicts.map((entry) => [entry.key, entry.pass] as const));
  const rows = decisionKeys.flatMap((key) => {
    const stats = routing.decisions.get(key);
    if (stats === undefined) return [];
    const pass = verdicts.get(key);
    return [
      [
        decisionLabels[key],
        nanos(stats.medianNs),
        nanos(stats.minNs),
        nanos(stats.maxNs),
        key === 'floor' ? '' : nanos(stats.medianNs - floor),
        pass === undefined ? '' : verdict(pass),
      ],
    ];
  });
  return {
    headers: [
      'strategy.route(context)',
      'ns/decision',
      'fastest batch',
      'slowest batch',
      'over floor',
      'verdict',
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows,
  };
}

export function routeTable({ routing }: BenchResults): Table {
  const single = routing.routes.get('single');
  const rows = routeKeys.flatMap((key) => {
    const stats = routing.routes.get(key);
    if (stats === undefined) return [];
    const delta = (value: number | undefined): string =>
      key === 'single' || value === undefined ? '' : signedMicros(value);
    return [
      [
        routeVariantLabels[key],
        attemptsLabel(expectedAttempts[key]),
        micros(stats.p50Us),
        micros(stats.p99Us),
        micros(stats.meanUs),
        delta(single === undefined ? undefined : stats.p50Us - single.p50Us),
        delta(single === undefined ? undefined : stats.meanUs - single.meanUs),
      ],
    ];
  });
  return {
    headers: [
      'route (non-streaming, mock provider)',
      'attempts',
      'p50 µs',
      'p99 µs',
      'mean µs',
      'p50 vs (a)',
      'mean vs (a)',
    ],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    rows,
  };
}

export const decisionSetupLine = ({ config }: BenchResults): string =>
  `${count(config.routeDecisions)} decisions per strategy after ${count(config.routeWarmupDecisions)} warm-up, ` +
  `timed in batches of ${count(config.routeBatchSize)} (median batch shown), strategies interleaved; ` +
  `each decision awaited, attempt() resolves at once, isAvailable() is true; target ≤ ${count(decisionLimitNs)} ns`;

export const routeSetupLine = ({ config, routing }: BenchResults): string =>
  `${count(config.routeCalls)} measured calls per route after ${count(config.routeWarmupCalls)} warm-up calls, ` +
  `one at a time, routes interleaved in rounds of ${count(config.batchSize)} calls; ` +
  `routing section ${(routing.durationMs / 1000).toFixed(1)} s`;

/** One line per strategy that missed the decision budget, for the verdict lists. */
export const decisionMisses = ({ routing }: BenchResults): Array<string> =>
  routing.decisionVerdicts
    .filter((entry) => !entry.pass)
    .map((entry) => `routing decision: ${decisionLabels[entry.key]}`);

export const decisionVerdictLines = ({ routing }: BenchResults): Array<string> =>
  routing.decisionVerdicts.map(
    (entry) =>
      `- routing decision, ${decisionLabels[entry.key]}: ${verdict(entry.pass)} ` +
      `(${nanos(entry.nsPerDecision)} ns, limit ${count(decisionLimitNs)} ns)`,
  );
