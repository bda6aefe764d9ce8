import { MINUTE_MS, type RateDecision, type RateLimiter } from './rate-limiter.js';

export interface MemoryRateLimiterOptions {
  /** Most keys tracked at once (IP floods must not grow memory without bound). Default 100 000. */
  maxKeys?: number;
  now?: () => number;
}

/**
 * GCRA (a token bucket without timers): a key may burst up to its per-minute limit, then gets one request
 * per `60 s / limit`. Only one timestamp per key is stored.
 */
export function memoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  // Theoretical arrival time per key; a key whose time has passed is at full capacity and can be dropped.
  const arrivals = new Map<string, number>();

  const evict = (time: number): void => {
    for (const [key, arrival] of arrivals) if (arrival <= time) arrivals.delete(key);
    // Still full: forget the oldest entries (insertion order); they get a fresh budget, never a stricter one.
    for (const key of arrivals.keys()) {
      if (arrivals.size < maxKeys) break;
      arrivals.delete(key);
    }
  };

  return {
    async hit(key, requestsPerMinute): Promise<RateDecision> {
      const time = now();
      const interval = MINUTE_MS / requestsPerMinute;
      const arrival = Math.max(arrivals.get(key) ?? time, time);
      const next = arrival + interval;
      const allowAt = next - MINUTE_MS;
      if (time < allowAt) return { allowed: false, remaining: 0, retryAfterMs: Math.ceil(allowAt - time) };
      if (!arrivals.has(key) && arrivals.size >= maxKeys) evict(time);
      arrivals.delete(key); // re-insert so the map stays ordered by last use
      arrivals.set(key, next);
      return {
        allowed: true,
        remaining: Math.floor((MINUTE_MS - (next - time)) / interval),
        retryAfterMs: 0,
      };
    },
  };
}
