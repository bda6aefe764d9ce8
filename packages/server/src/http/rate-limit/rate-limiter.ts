/** The answer for one request. */
export interface RateDecision {
  allowed: boolean;
  /** Requests still allowed right now. */
  remaining: number;
  /** When refused: milliseconds until one more request is allowed. */
  retryAfterMs: number;
}

/**
 * Per-minute request limits per key (a gateway key id, a client IP). Implementations: `memoryRateLimiter`
 * (one process) and `redisRateLimiter` (shared by replicas).
 */
export interface RateLimiter {
  hit(key: string, requestsPerMinute: number): Promise<RateDecision>;
}

export const MINUTE_MS = 60_000;
