import type { TargetConfig } from '@switchyard/core';
import type { DecisionCase, DecisionKey } from './decision-cases.js';

export interface DecisionOptions {
  readonly warmupDecisions: number;
  readonly measuredDecisions: number;
  readonly batchSize: number;
}

/** Nanoseconds per decision of one strategy: the median batch, and the fastest and slowest batch. */
export interface DecisionStats {
  readonly decisions: number;
  readonly batches: number;
  readonly medianNs: number;
  readonly minNs: number;
  readonly maxNs: number;
}

/** A multiple of the 5:3:2 load balancer's period (10) and of the sticky users (64). */
const checkedDecisions = 3_200;

/** Runs `checkedDecisions` decisions untimed and throws unless they picked what the case expects. */
async function checkPicks(decision: DecisionCase): Promise<void> {
  const { strategy, contexts, check } = decision;
  const picks: Array<TargetConfig> = [];
  for (let i = 0; i < checkedDecisions; i++) {
    const context = contexts[i % contexts.length];
    if (context !== undefined) picks.push(await strategy.route(context));
  }
  const problem = check(picks);
  if (problem !== undefined) throw new Error(`routing decision '${decision.key}': ${problem}.`);
}

/**
 * `size` decisions one after another, each awaited as the gateway awaits `route`; returns ns per
 * decision. Timing a batch, not each decision, keeps the clock's own cost out of the result.
 */
async function timeBatch({ strategy, contexts }: DecisionCase, size: number): Promise<number> {
  const count = contexts.length;
  const started = process.hrtime.bigint();
  for (let i = 0; i < size; i++) {
    const context = contexts[i % count];
    if (context !== undefined) await strategy.route(context);
  }
  return Number(process.hrtime.bigint() - started) / size;
}

/** Batches of every case in rounds, starting one case later each round, as the latency test does. */
async function runRounds(
  cases: ReadonlyArray<DecisionCase>,
  decisions: number,
  batchSize: number,
  samples?: Map<DecisionKey, Array<number>>,
): Promise<void> {
  for (let done = 0, round = 0; done < decisions; done += batchSize, round++) {
    const size = Math.min(batchSize, decisions - done);
    for (let offset = 0; offset < cases.length; offset++) {
      const decision = cases[(round + offset) % cases.length];
      if (decision === undefined) continue;
      const nsPerDecision = await timeBatch(decision, size);
      samples?.get(decision.key)?.push(nsPerDecision);
    }
  }
}

const summarizeBatches = (decisions: number, nsPerDecision: ReadonlyArray<number>): DecisionStats => {
  const sorted = Float64Array.from(nsPerDecision).sort();
  return {
    decisions,
    batches: sorted.length,
    medianNs: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN,
    minNs: sorted[0] ?? Number.NaN,
    maxNs: sorted[sorted.length - 1] ?? Number.NaN,
  };
};

/** Checks every case's picks, warms them up, then times batches of decisions. */
export async function measureDecisions(
  cases: ReadonlyArray<DecisionCase>,
  options: DecisionOptions,
): Promise<Map<DecisionKey, DecisionStats>> {
  for (const decision of cases) await checkPicks(decision);
  await runRounds(cases, options.warmupDecisions, options.batchSize);
  globalThis.gc?.();
  const samples = new Map(cases.map((decision) => [decision.key, [] as number[]] as const));
  await runRounds(cases, options.measuredDecisions, options.batchSize, samples);
  return new Map(
    [...samples].map(([key, values]) => [key, summarizeBatches(options.measuredDecisions, values)] as const),
  );
}
