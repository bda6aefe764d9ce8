export interface SoakLoadOptions {
  readonly total: number;
  readonly concurrency: number;
  /** Fractions of `total` after which the load drains and `atCheckpoint` runs, ascending, ending at 1. */
  readonly checkpoints: ReadonlyArray<number>;
  /** Runs request `index`; must not reject. */
  run(index: number): Promise<void>;
  /** Runs with nothing in flight, after `done` requests settled. */
  atCheckpoint(done: number): Promise<void>;
}

/**
 * Keeps `concurrency` requests in flight until `total` settled. At each checkpoint it lets the requests
 * in flight finish before calling `atCheckpoint`, so a heap sample sees no half-done request and a
 * forced GC never pauses the event loop under a running attempt timeout.
 */
export async function runSoakLoad(options: SoakLoadOptions): Promise<void> {
  let next = 0;
  for (const fraction of options.checkpoints) {
    const end = Math.min(options.total, Math.round(options.total * fraction));
    const worker = async (): Promise<void> => {
      while (next < end) await options.run(next++);
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await options.atCheckpoint(end);
  }
}
