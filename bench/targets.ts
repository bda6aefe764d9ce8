import type { DecisionKey } from './decision-cases.js';
import type { DecisionStats } from './measure-decisions.js';
import type { HeapReport } from './measure-heap.js';
import type { LatencyStats } from './summarize.js';
import type { VariantKey } from './variants.js';

/** A latency budget: `subject` may take at most `max` times as long as `baseline` (the direct client). */
export interface RatioTarget {
  readonly name: string;
  readonly subject: VariantKey;
  readonly baseline: VariantKey;
  readonly max: number;
}

export const ratioTargets: ReadonlyArray<RatioTarget> = [
  {
    name: 'gateway non-streaming',
    subject: 'gateway:non-streaming',
    baseline: 'direct:non-streaming',
    max: 1.15,
  },
  { name: 'gateway streaming', subject: 'gateway:streaming', baseline: 'direct:streaming', max: 1.1 },
  {
    name: 'gateway.fetch non-streaming',
    subject: 'gateway-fetch:non-streaming',
    baseline: 'direct:non-streaming',
    max: 1.5,
  },
  {
    name: 'gateway.fetch streaming',
    subject: 'gateway-fetch:streaming',
    baseline: 'direct:streaming',
    max: 1.5,
  },
];

/** Heap growth over the whole heap test above which it counts as a leak. */
export const heapGrowthLimitBytes = 5 * 1024 * 1024;

/** Budget of one routing decision (`strategy.route()` over an attempt that resolves at once), in ns. */
export const decisionLimitNs = 2_000;

export interface RatioVerdict {
  readonly target: RatioTarget;
  /** The verdict's basis: p50 is robust to GC pauses and scheduler noise. */
  readonly p50Ratio: number;
  readonly meanRatio: number;
  /** p50 of the subject minus p50 of the baseline. */
  readonly p50OverheadUs: number;
  readonly pass: boolean;
}

export interface HeapVerdict {
  readonly growthBytes: number;
  readonly pass: boolean;
}

export interface DecisionVerdict {
  readonly key: DecisionKey;
  /** The median batch's ns per decision. */
  readonly nsPerDecision: number;
  readonly pass: boolean;
}

export function judgeRatios(stats: ReadonlyMap<VariantKey, LatencyStats>): Array<RatioVerdict> {
  return ratioTargets.map((target) => {
    const subject = stats.get(target.subject);
    const baseline = stats.get(target.baseline);
    if (subject === undefined || baseline === undefined) {
      throw new Error(`No measurements for target '${target.name}'.`);
    }
    const p50Ratio = subject.p50Us / baseline.p50Us;
    return {
      target,
      p50Ratio,
      meanRatio: subject.meanUs / baseline.meanUs,
      p50OverheadUs: subject.p50Us - baseline.p50Us,
      pass: p50Ratio <= target.max,
    };
  });
}

export function judgeHeap(report: HeapReport): HeapVerdict {
  const growthBytes = report.endBytes - report.startBytes;
  return { growthBytes, pass: growthBytes <= heapGrowthLimitBytes };
}

/** Every strategy against the decision budget; the harness floor is a reference, not a strategy. */
export function judgeDecisions(stats: ReadonlyMap<DecisionKey, DecisionStats>): Array<DecisionVerdict> {
  return [...stats]
    .filter(([key]) => key !== 'floor')
    .map(([key, { medianNs }]) => ({ key, nsPerDecision: medianNs, pass: medianNs <= decisionLimitNs }));
}
