/** The soak's knobs, from the environment (and `--full`). */
export interface SoakConfig {
  /** `SOAK_REQUESTS`; default 10 000 (the CI form), 100 000 with `--full`. */
  readonly requests: number;
  /** `SOAK_SEED`; default `switchyard-soak-1`. Same seed, same request mix and per-attempt faults. */
  readonly seed: string;
  /** `SOAK_CONCURRENCY`: requests in flight; default 32. */
  readonly concurrency: number;
  /**
   * `SOAK_ATTEMPT_TIMEOUT_MS`: each target's `timeout` and `idleTimeout`; default 5000. Slow faults wait
   * this long, so it costs time, but it must stay far above the slowest successful attempt on a busy
   * machine: a timeout that fires while an answer is on its way makes the server count a delivery the
   * gateway dropped.
   */
  readonly attemptTimeoutMs: number;
  /** `SOAK_REQUEST_TIMEOUT_MS`: the gateway's whole-request deadline, a safety net; default 120 000. */
  readonly requestTimeoutMs: number;
  /** `SOAK_HEAP_TOLERANCE_MB`: allowed heap growth from the 25% sample to the end; default 8. */
  readonly heapToleranceBytes: number;
}

const DEFAULT_REQUESTS = 10_000;
const FULL_REQUESTS = 100_000;

const readInteger = (env: NodeJS.ProcessEnv, name: string, fallbackValue: number, min: number): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallbackValue;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name}=${text} is not an integer ≥ ${min}.`);
  }
  return value;
};

/** Reads and checks the knobs; throws with the variable's name on a bad value. */
export function readSoakConfig(env: NodeJS.ProcessEnv, argv: ReadonlyArray<string>): SoakConfig {
  const full = argv.includes('--full');
  return {
    requests: readInteger(env, 'SOAK_REQUESTS', full ? FULL_REQUESTS : DEFAULT_REQUESTS, 1),
    seed: env.SOAK_SEED || 'switchyard-soak-1',
    concurrency: readInteger(env, 'SOAK_CONCURRENCY', 32, 1),
    attemptTimeoutMs: readInteger(env, 'SOAK_ATTEMPT_TIMEOUT_MS', 5000, 10),
    requestTimeoutMs: readInteger(env, 'SOAK_REQUEST_TIMEOUT_MS', 120_000, 100),
    heapToleranceBytes: readInteger(env, 'SOAK_HEAP_TOLERANCE_MB', 8, 0) * 1024 * 1024,
  };
}
