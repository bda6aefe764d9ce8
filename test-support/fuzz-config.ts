import type fc from 'fast-check';

/**
 * Settings shared by the `*.fuzz.test.ts` suites. The normal test run uses few runs and a fixed seed, so
 * it is fast and reproducible; `FUZZ_RUNS=10000` runs the same properties longer, `FUZZ_SEED=<n>`
 * explores (or replays) another seed. Read from `globalThis.process` so the suites also run on edge.
 */
const env: Readonly<Record<string, string | undefined>> = globalThis.process?.env ?? {};

const DEFAULT_RUNS = 200;
const DEFAULT_SEED = 20_240_611;

const readInteger = (name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got '${raw}'.`);
  return value;
};

const requestedRuns = readInteger('FUZZ_RUNS');
const seed = readInteger('FUZZ_SEED') ?? DEFAULT_SEED;

/**
 * How many times longer than normal this run is: 1 in the normal run, `FUZZ_RUNS / 200` when asked for
 * more. Suites scale per-test timeouts with it.
 */
export const fuzzScale = Math.max(1, (requestedRuns ?? DEFAULT_RUNS) / DEFAULT_RUNS);

export interface FuzzOptions {
  /**
   * Runs in the normal test run, for properties slower than a millisecond per run. Default 200.
   * Scaled by `fuzzScale` in the long run.
   */
  runs?: number;
  /** Fails a run of an async property that takes longer than this, so a hang is a counterexample. */
  runTimeoutMs?: number;
}

/** `fc.assert` parameters: the fixed (or `FUZZ_SEED`) seed and the run count for this run. */
export function fuzzParameters<T>(options: FuzzOptions = {}): fc.Parameters<T> {
  const runs = Math.round((options.runs ?? DEFAULT_RUNS) * fuzzScale);
  return {
    seed,
    numRuns: runs,
    ...(options.runTimeoutMs === undefined ? {} : { timeout: options.runTimeoutMs }),
  };
}

/** A per-test timeout (ms) for a suite that takes about `normalMs` in the normal run. */
export const fuzzTimeout = (normalMs: number): number => Math.round(normalMs * fuzzScale);
