import { APIError } from '../errors/api-error.js';
import { APIConnectionError, CircuitOpenError, TimeoutError } from '../errors/gateway-errors.js';

export interface FallbackTriggers {
  /** HTTP statuses that move on to the next target. Default: 408, 429 and every 5xx. */
  onStatusCodes?: ReadonlyArray<number>;
  /** Move on after a target timed out. Default true. */
  onTimeout?: boolean;
  /** Move on after a connection failure (no response). Default true. */
  onConnectionError?: boolean;
}

const defaultStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * Whether a failed target should hand over to the next one. Client errors (400, 401, 403, 422…) do not,
 * unless listed: the next provider would reject the same request.
 */
export function shouldFallBack(error: unknown, triggers: FallbackTriggers): boolean {
  if (APIError.isInstance(error)) {
    return triggers.onStatusCodes === undefined
      ? defaultStatus(error.status)
      : triggers.onStatusCodes.includes(error.status);
  }
  if (TimeoutError.isInstance(error)) return triggers.onTimeout !== false;
  if (APIConnectionError.isInstance(error)) return triggers.onConnectionError !== false;
  // An open circuit means the target was skipped without a call; the next one should be tried.
  return CircuitOpenError.isInstance(error);
}
