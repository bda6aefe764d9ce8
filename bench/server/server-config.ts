import { positiveInteger } from '../config.js';

/** Sizes of the server benchmark, from the environment like the rest of `pnpm bench`. */
export interface ServerBenchConfig {
  /** Length of each measured load run, s. `BENCH_SERVER_SECONDS`, default 10. */
  readonly seconds: number;
  /** Load before measuring each server and mode, at the highest concurrency, s. `BENCH_SERVER_WARMUP_SECONDS`, default 3. */
  readonly warmupSeconds: number;
  /** Concurrent connections of the runs: one at a time, then 50. */
  readonly concurrencies: ReadonlyArray<number>;
}

export function readServerConfig(): ServerBenchConfig {
  return {
    seconds: positiveInteger('BENCH_SERVER_SECONDS', 10),
    warmupSeconds: positiveInteger('BENCH_SERVER_WARMUP_SECONDS', 3),
    concurrencies: [1, 50],
  };
}
