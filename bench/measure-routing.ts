import type { BenchConfig } from './config.js';
import { createDecisionCases, type DecisionKey } from './decision-cases.js';
import { type DecisionStats, measureDecisions } from './measure-decisions.js';
import { measureLatency } from './measure-latency.js';
import { createRouteVariants, type RouteVariantKey } from './routing-variants.js';
import { type LatencyStats, summarize } from './summarize.js';
import { type DecisionVerdict, judgeDecisions } from './targets.js';

export interface RoutingResults {
  readonly decisions: ReadonlyMap<DecisionKey, DecisionStats>;
  readonly decisionVerdicts: ReadonlyArray<DecisionVerdict>;
  /** Non-streaming gateway calls through each route, in µs. */
  readonly routes: ReadonlyMap<RouteVariantKey, LatencyStats>;
  readonly durationMs: number;
}

/**
 * The routing section: the cost of each strategy's decision alone, then whole gateway calls through
 * each kind of route (the decision plus attempt bookkeeping, fallback and circuit breaker).
 */
export async function measureRouting(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<RoutingResults> {
  const started = performance.now();
  const cases = createDecisionCases();
  log(
    `routing decisions: ${cases.length} strategies × (${config.routeWarmupDecisions} warm-up + ${config.routeDecisions} measured)`,
  );
  const decisions = await measureDecisions(cases, {
    warmupDecisions: config.routeWarmupDecisions,
    measuredDecisions: config.routeDecisions,
    batchSize: config.routeBatchSize,
  });

  const variants = createRouteVariants();
  log(
    `routing end to end: ${variants.length} routes × (${config.routeWarmupCalls} warm-up + ${config.routeCalls} measured) calls`,
  );
  const samples = await measureLatency(variants, {
    warmupCalls: config.routeWarmupCalls,
    measuredCalls: config.routeCalls,
    batchSize: config.batchSize,
  });
  for (const variant of variants) await variant.checkAttempts();

  return {
    decisions,
    decisionVerdicts: judgeDecisions(decisions),
    routes: new Map([...samples].map(([key, values]) => [key, summarize(values)] as const)),
    durationMs: performance.now() - started,
  };
}
