import type { Warning } from '@switchyard/core';

/**
 * Runs one store call so that a store outage can only cost a cache miss: a rejection or a call slower
 * than `timeoutMs` becomes `undefined` plus a warning on the request, and is counted.
 */
export async function guardedStoreCall<T>(
  operation: string,
  call: () => Promise<T>,
  /** `undefined`: no timeout (in-process stores, where a timer would cost more than the call). */
  timeoutMs: number | undefined,
  warnings: Array<Warning>,
  onFailure: () => void,
): Promise<T | undefined> {
  const timedOut = Symbol('timed out');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt: Promise<T> | undefined;
  try {
    attempt = call();
    if (timeoutMs === undefined) return await attempt;
    const timeout = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), timeoutMs);
    });
    const outcome = await Promise.race([attempt, timeout]);
    if (outcome === timedOut) throw new Error(`no answer within ${timeoutMs} ms`);
    return outcome;
  } catch (error) {
    // An abandoned call may still reject later, when nobody listens.
    attempt?.catch(() => {});
    onFailure();
    const reason = error instanceof Error ? error.message : String(error);
    warnings.push({
      type: 'other',
      message: `Cache store ${operation} failed (${reason}); served without the cache.`,
    });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
