import { AbortError } from '../errors/gateway-errors.js';

/** The error an aborted mock call rejects with; the signal's reason (e.g. a `TimeoutError`) is its cause. */
export function createAbortError(signal: AbortSignal): AbortError {
  return new AbortError('Request was aborted.', { cause: signal.reason });
}
