/**
 * Runs `task` over `items` with at most `limit` in flight, results in input order. The first failure
 * rejects and stops new tasks from starting (those already running finish on their own).
 */
export async function mapWithConcurrency<T, R>(
  items: ReadonlyArray<T>,
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<Array<R>> {
  const results = new Array<R>(items.length);
  // One iterator shared by the workers: each `next()` hands out a different item.
  const entries = items.entries();
  let failed = false;
  const worker = async (): Promise<void> => {
    for (const [index, item] of entries) {
      if (failed) return;
      try {
        results[index] = await task(item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
