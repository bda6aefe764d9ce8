import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { openAIErrorResponse } from '../error-response.js';
import type { ServerRuntime } from '../server-runtime.js';

export type RateLimitOutcome =
  | { refused: Response }
  | { refused?: undefined; headers: Record<string, string> };

/**
 * Counts one request against a limit: a 429 (OpenAI's shape, with `Retry-After`) when it is exhausted,
 * else the `x-ratelimit-*` headers for the response. A failing shared limiter lets the request through: an outage of Redis must not take the
 * API down with it (the failure is logged).
 */
export async function enforceRateLimit(
  runtime: ServerRuntime,
  scope: 'key' | 'ip',
  id: string,
  requestsPerMinute: number,
): Promise<RateLimitOutcome> {
  let decision: Awaited<ReturnType<ServerRuntime['rateLimiter']['hit']>>;
  try {
    decision = await runtime.rateLimiter.hit(`${scope}:${id}`, requestsPerMinute);
  } catch (error) {
    runtime.logger.warn('rate limiter unavailable; request allowed', { error, scope });
    return { headers: {} };
  }
  const headers = {
    'x-ratelimit-limit-requests': String(requestsPerMinute),
    'x-ratelimit-remaining-requests': String(decision.remaining),
  };
  if (decision.allowed) return { headers };
  runtime.metrics.countRateLimited(scope);
  const retryAfter = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  const who = scope === 'key' ? 'this API key' : 'this client address';
  const refused = openAIErrorResponse(
    429,
    `Rate limit reached for ${who}: ${requestsPerMinute} requests per minute. Retry after ${retryAfter} s.`,
    {
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
      headers: { ...headers, 'retry-after': retryAfter, 'retry-after-ms': String(decision.retryAfterMs) },
    },
  );
  return { refused };
}

/** Adds the `x-ratelimit-*` headers to the response the rest of the chain produced. */
export function applyRateLimitHeaders(c: Context<AppEnv>, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
}
