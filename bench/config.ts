/** Benchmark sizes, from the environment so a quick run (`BENCH_CALLS=500 pnpm bench`) needs no edits. */
export interface BenchConfig {
  /** Measured calls per variant. `BENCH_CALLS`, default 5,000. */
  readonly calls: number;
  /** Warm-up calls per variant before measuring. `BENCH_WARMUP`, default 1,000. */
  readonly warmupCalls: number;
  /** Consecutive calls of one variant before switching to the next. `BENCH_BATCH`, default 50. */
  readonly batchSize: number;
  /** Gateway calls in the heap test. `BENCH_HEAP_CALLS`, default 1,000,000. */
  readonly heapCalls: number;
  /** Calls in flight at once in the heap test. `BENCH_HEAP_CONCURRENCY`, default 50. */
  readonly heapConcurrency: number;
  /** Measured routing decisions per strategy. `BENCH_ROUTE_DECISIONS`, default 200,000. */
  readonly routeDecisions: number;
  /** Warm-up routing decisions per strategy. `BENCH_ROUTE_WARMUP`, default 20,000. */
  readonly routeWarmupDecisions: number;
  /** Routing decisions per timed batch (the unit of the median). `BENCH_ROUTE_BATCH`, default 10,000. */
  readonly routeBatchSize: number;
  /** Measured gateway calls per routing variant (mock provider). `BENCH_ROUTE_CALLS`, default 10,000. */
  readonly routeCalls: number;
  /** Warm-up gateway calls per routing variant. `BENCH_ROUTE_CALL_WARMUP`, default 2,000. */
  readonly routeWarmupCalls: number;
  /** Measured calls per path, adapter and mode in the provider section. `BENCH_PROVIDER_CALLS`, default 800. */
  readonly providerCalls: number;
  /** Warm-up calls per path, adapter and mode in the provider section. `BENCH_PROVIDER_WARMUP`, default 200. */
  readonly providerWarmupCalls: number;
}

export const positiveInteger = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got '${raw}'.`);
  }
  return value;
};

export function readBenchConfig(): BenchConfig {
  return {
    calls: positiveInteger('BENCH_CALLS', 5_000),
    warmupCalls: positiveInteger('BENCH_WARMUP', 1_000),
    batchSize: positiveInteger('BENCH_BATCH', 50),
    heapCalls: positiveInteger('BENCH_HEAP_CALLS', 1_000_000),
    heapConcurrency: positiveInteger('BENCH_HEAP_CONCURRENCY', 50),
    routeDecisions: positiveInteger('BENCH_ROUTE_DECISIONS', 200_000),
    routeWarmupDecisions: positiveInteger('BENCH_ROUTE_WARMUP', 20_000),
    routeBatchSize: positiveInteger('BENCH_ROUTE_BATCH', 10_000),
    routeCalls: positiveInteger('BENCH_ROUTE_CALLS', 10_000),
    routeWarmupCalls: positiveInteger('BENCH_ROUTE_CALL_WARMUP', 2_000),
    providerCalls: positiveInteger('BENCH_PROVIDER_CALLS', 800),
    providerWarmupCalls: positiveInteger('BENCH_PROVIDER_WARMUP', 200),
  };
}
