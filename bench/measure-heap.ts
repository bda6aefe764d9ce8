import { assertOutcome, type CallOutcome } from './scenario.js';

export interface HeapOptions {
  readonly calls: number;
  readonly concurrency: number;
}

/** `heapUsed` after a full GC at the start, halfway and the end of the run, in bytes. */
export interface HeapReport {
  readonly calls: number;
  readonly concurrency: number;
  readonly warmupCalls: number;
  readonly startBytes: number;
  readonly midCalls: number;
  readonly midBytes: number;
  readonly endBytes: number;
  readonly durationMs: number;
}

type GcFunction = () => void;

const settleRounds = 8;

/**
 * `heapUsed` once only retained memory is left. One `gc()` is not enough: the `AbortSignal.any()`
 * composites the `openai` SDK makes for every request with a caller signal are unlinked from their
 * sources by FinalizationRegistry callbacks, which run as separate tasks after a collection, and what
 * they unlink is only freed by the next one. A single GC right after 100k calls reads ~10 MiB of such
 * garbage as "growth"; a few rounds of timer tick + GC release it.
 */
const heapAfterGc = async (gc: GcFunction): Promise<number> => {
  for (let round = 0; round < settleRounds; round++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    gc();
  }
  return process.memoryUsage().heapUsed;
};

const runCalls = async (
  call: () => Promise<CallOutcome>,
  count: number,
  concurrency: number,
): Promise<void> => {
  for (let done = 0; done < count; done += concurrency) {
    const batch = Math.min(concurrency, count - done);
    const outcomes = await Promise.all(Array.from({ length: batch }, () => call()));
    for (const outcome of outcomes) assertOutcome('heap test', outcome);
  }
};

/**
 * Drives `call` `calls` times, `concurrency` at a time, and samples the heap after a forced GC before,
 * halfway and after. A short warm-up first lets lazily built state (JIT code, pools) exist before the
 * baseline, so only what the calls retain counts as growth.
 */
export async function measureHeap(
  call: () => Promise<CallOutcome>,
  options: HeapOptions,
): Promise<HeapReport> {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('The heap test needs `node --expose-gc` (`pnpm bench` passes it).');
  const { calls, concurrency } = options;
  const warmupCalls = Math.min(calls, concurrency * 20);
  const midCalls = Math.floor(calls / 2);
  await runCalls(call, warmupCalls, concurrency);
  const started = performance.now();
  const startBytes = await heapAfterGc(gc);
  await runCalls(call, midCalls, concurrency);
  const midBytes = await heapAfterGc(gc);
  await runCalls(call, calls - midCalls, concurrency);
  const endBytes = await heapAfterGc(gc);
  return {
    calls,
    concurrency,
    warmupCalls,
    startBytes,
    midCalls,
    midBytes,
    endBytes,
    durationMs: performance.now() - started,
  };
}
