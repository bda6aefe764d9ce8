import type { RedisCommandClient } from '@switchyard/core';
import { MINUTE_MS, type RateDecision, type RateLimiter } from './rate-limiter.js';

// GCRA in one atomic script on Redis' own clock, so replicas (and their clock skew) share one limit.
const GCRA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local arrival = tonumber(redis.call('GET', KEYS[1]) or now)
if arrival < now then arrival = now end
local nextArrival = arrival + interval
local allowAt = nextArrival - period
if now < allowAt then return {0, 0, math.ceil(allowAt - now)} end
redis.call('SET', KEYS[1], tostring(nextArrival), 'PX', math.ceil(nextArrival - now))
return {1, math.floor((period - (nextArrival - now)) / interval), 0}`;

export interface RedisRateLimiterOptions {
  /** Key prefix. Default `switchyard:ratelimit:`. */
  prefix?: string;
  /** A decision slower than this fails (the server then lets the request through). Default 500 ms. */
  timeoutMs?: number;
}

const toInteger = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/** Rate limits shared by every replica through Redis (any client with `sendCommand`, e.g. node-redis). */
export function redisRateLimiter(
  client: RedisCommandClient,
  options: RedisRateLimiterOptions = {},
): RateLimiter {
  const prefix = options.prefix ?? 'switchyard:ratelimit:';
  const timeoutMs = options.timeoutMs ?? 500;
  return {
    async hit(key, requestsPerMinute): Promise<RateDecision> {
      // node-redis queues commands while disconnected; a request must not wait for Redis to come back.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer within ${timeoutMs} ms.`)),
          timeoutMs,
        );
      });
      const command = client.sendCommand([
        'EVAL',
        GCRA,
        '1',
        `${prefix}${key}`,
        String(MINUTE_MS / requestsPerMinute),
        String(MINUTE_MS),
      ]);
      const reply = await Promise.race([command, timeout]).finally(() => clearTimeout(timer));
      if (!Array.isArray(reply) || reply.length !== 3)
        throw new Error('Unexpected rate-limit reply from Redis.');
      const [allowed, remaining, retryAfterMs] = reply.map(toInteger);
      return { allowed: allowed === 1, remaining: remaining ?? 0, retryAfterMs: retryAfterMs ?? 0 };
    },
  };
}
