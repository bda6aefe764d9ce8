const SETTLE_ROUNDS = 8;

/**
 * `heapUsed` once only retained memory is left, in bytes. One `gc()` is not enough: `AbortSignal.any()`
 * composites (the SDK and the gateway make several per call) are unlinked by FinalizationRegistry
 * callbacks that run as separate tasks after a collection, and what they unlink is only freed by the
 * next one (see `bench/measure-heap.ts`). A few rounds of timer tick + GC release it.
 */
export async function heapAfterGc(): Promise<number> {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('The soak needs `node --expose-gc` (`pnpm test:soak` passes it).');
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    gc();
  }
  return process.memoryUsage().heapUsed;
}
