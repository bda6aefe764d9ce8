import { assertOutcome, type CallOutcome } from './scenario.js';

/** One thing to time, by key: a latency `Variant`, or a gateway call of the routing section. */
export interface TimedCall<K extends string> {
  readonly key: K;
  call(): Promise<CallOutcome>;
  /** What every call must answer. Default: the OpenAI fixtures' answer (`scenario.ts`). */
  readonly expected?: CallOutcome;
  /** Runs between batches, outside the timed region. */
  afterBatch?(): void;
}

export interface LatencyOptions {
  readonly warmupCalls: number;
  readonly measuredCalls: number;
  readonly batchSize: number;
}

type Samples<K extends string> = Map<K, Float64Array>;

/**
 * Runs `calls` calls of every variant, one at a time, in rounds: each round runs a batch of each
 * variant, starting one variant later than the previous round, so drift (heat, JIT, GC, other
 * processes) spreads over all variants instead of favouring whichever ran first. Every answer is
 * checked outside the timed region. When `samples` is given, each call's duration lands there in µs.
 */
async function runRounds<K extends string>(
  variants: ReadonlyArray<TimedCall<K>>,
  calls: number,
  batchSize: number,
  samples?: Samples<K>,
): Promise<void> {
  for (let done = 0, round = 0; done < calls; done += batchSize, round++) {
    const batch = Math.min(batchSize, calls - done);
    for (let offset = 0; offset < variants.length; offset++) {
      const variant = variants[(round + offset) % variants.length];
      if (variant === undefined) continue;
      const durations = samples?.get(variant.key);
      for (let i = 0; i < batch; i++) {
        const started = process.hrtime.bigint();
        const outcome = await variant.call();
        const elapsedNs = process.hrtime.bigint() - started;
        assertOutcome(variant.key, outcome, variant.expected);
        if (durations !== undefined) durations[done + i] = Number(elapsedNs) / 1_000;
      }
      variant.afterBatch?.();
    }
  }
}

/** Warms every variant up, then measures each call's latency; returns µs per call per variant. */
export async function measureLatency<K extends string>(
  variants: ReadonlyArray<TimedCall<K>>,
  options: LatencyOptions,
): Promise<Samples<K>> {
  await runRounds(variants, options.warmupCalls, options.batchSize);
  globalThis.gc?.();
  const samples: Samples<K> = new Map(variants.map((v) => [v.key, new Float64Array(options.measuredCalls)]));
  await runRounds(variants, options.measuredCalls, options.batchSize, samples);
  return samples;
}
