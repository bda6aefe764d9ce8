import { createAbortError } from './create-abort-error.js';

/**
 * Waits `ms`, or rejects with an `AbortError` as soon as `signal` aborts. The timer and the abort
 * listener are both removed whichever comes first, so an aborted mock leaves nothing pending.
 */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(createAbortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(createAbortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
