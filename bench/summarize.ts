/** Latency statistics of one variant, in microseconds. */
export interface LatencyStats {
  readonly calls: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p99Us: number;
}

/** Nearest-rank percentile of an ascending array. */
const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

export function summarize(samplesUs: Float64Array): LatencyStats {
  const sorted = Float64Array.from(samplesUs).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    calls: sorted.length,
    meanUs: sum / sorted.length,
    p50Us: percentile(sorted, 50),
    p99Us: percentile(sorted, 99),
  };
}
