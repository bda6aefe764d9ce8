export interface RetryDelayInput {
  /** 0 for the first retry. */
  retry: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The provider's `retry-after` / `retry-after-ms`, when it sent one. */
  retryAfterMs: number | undefined;
  random?: () => number;
}

/**
 * Exponential backoff with full jitter (a random wait in [0, base·2^retry]), so clients that failed
 * together do not retry together. A provider's `retry-after` wins, capped at `maxDelayMs`.
 */
export function retryDelay(input: RetryDelayInput): number {
  if (input.retryAfterMs !== undefined) return Math.min(input.retryAfterMs, input.maxDelayMs);
  const ceiling = Math.min(input.maxDelayMs, input.baseDelayMs * 2 ** input.retry);
  return Math.floor((input.random ?? Math.random)() * ceiling);
}
