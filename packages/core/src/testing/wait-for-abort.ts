import { createAbortError } from './create-abort-error.js';

/** Never resolves; rejects with an `AbortError` once `signal` aborts. Models a provider that stopped answering. */
export function waitForAbort(signal: AbortSignal): Promise<never> {
  if (signal.aborted) return Promise.reject(createAbortError(signal));
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(createAbortError(signal)), { once: true });
  });
}
