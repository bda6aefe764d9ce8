import type { AlertDispatcher } from '../alerts/alert-dispatcher.js';
import { formatUsd } from '../internal/format-usd.js';
import { roundUsd } from '../pricing/compute-cost.js';
import type { AnomalyRule } from './anomaly-rule.js';

/** Buckets per window: the sliding window moves in steps of a twelfth of its length. */
const SLICES = 12;
/** Evaluate at most this often, so a busy gateway pays for the sums once a second, not per request. */
const EVALUATE_EVERY_MS = 1000;

const formatWindow = (ms: number): string => {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
};

/**
 * Spend of one anomaly rule in time buckets. After each observation (at most once a second) it compares the
 * last window with the average of the previous `baselineWindows` windows it has fully seen; above
 * `baselineMultiplier` × that average, it raises one alert per window. An empty baseline never alerts.
 */
export class AnomalyDetector {
  private readonly rule: AnomalyRule;
  private readonly alerts: AlertDispatcher;
  private readonly sliceMs: number;
  private readonly baselineWindows: number;
  private readonly buckets = new Map<number, number>();
  private firstBucket: number | undefined;
  private lastEvaluated = Number.NEGATIVE_INFINITY;

  constructor(rule: AnomalyRule, alerts: AlertDispatcher) {
    this.rule = rule;
    this.alerts = alerts;
    this.sliceMs = Math.max(1, rule.windowMs / SLICES);
    this.baselineWindows = Math.max(1, rule.baselineWindows ?? 24);
  }

  observe(metadata: Readonly<Record<string, string>>, cost: number, now: number): void {
    const scope = this.rule.scope;
    if (scope !== undefined) {
      for (const [key, value] of Object.entries(scope)) if (metadata[key] !== value) return;
    }
    const bucket = Math.floor(now / this.sliceMs);
    if (this.firstBucket === undefined) this.firstBucket = bucket;
    if (!this.buckets.has(bucket)) this.prune(bucket);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + cost);
    if (now - this.lastEvaluated >= EVALUATE_EVERY_MS) {
      this.lastEvaluated = now;
      this.evaluate(bucket, now);
    }
  }

  private sum(from: number, to: number): number {
    let total = 0;
    for (let bucket = from; bucket <= to; bucket++) total += this.buckets.get(bucket) ?? 0;
    return total;
  }

  private prune(current: number): void {
    const oldest = current - SLICES * (this.baselineWindows + 1);
    for (const bucket of this.buckets.keys()) if (bucket <= oldest) this.buckets.delete(bucket);
  }

  private evaluate(bucket: number, now: number): void {
    const first = this.firstBucket ?? bucket;
    const windowStart = bucket - SLICES + 1;
    // Whole windows observed before the current one.
    const seen = Math.min(this.baselineWindows, Math.floor((windowStart - first) / SLICES));
    if (seen < 1) return;
    const current = this.sum(windowStart, bucket);
    const baseline = this.sum(windowStart - seen * SLICES, windowStart - 1) / seen;
    const threshold = this.rule.baselineMultiplier * baseline;
    if (!(baseline > 0) || current <= threshold || current < (this.rule.minSpend ?? 0)) return;
    const windowIndex = Math.floor(now / this.rule.windowMs);
    this.alerts.raise(
      {
        id: `anomaly:${this.rule.name}:${windowIndex}`,
        type: 'anomaly',
        rule: this.rule.name,
        severity: 'critical',
        message: `Spend anomaly '${this.rule.name}': ${formatUsd(current)} in the last ${formatWindow(this.rule.windowMs)}, ${(current / baseline).toFixed(1)}× the baseline of ${formatUsd(baseline)}.`,
        spend: roundUsd(current),
        threshold: roundUsd(threshold),
        scope: { ...this.rule.scope },
        windowMs: this.rule.windowMs,
        baseline: roundUsd(baseline),
        timestamp: new Date(now).toISOString(),
      },
      this.rule.channels ?? [],
    );
  }
}
