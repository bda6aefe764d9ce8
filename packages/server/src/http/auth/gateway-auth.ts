import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { openAIErrorResponse } from '../error-response.js';
import { applyRateLimitHeaders, enforceRateLimit } from '../rate-limit/enforce-rate-limit.js';
import type { ServerRuntime } from '../server-runtime.js';
import { readBearerToken } from './read-bearer-token.js';

const unauthorized = (message: string) =>
  openAIErrorResponse(401, message, {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    headers: { 'www-authenticate': 'Bearer realm="switchyard"' },
  });

/**
 * Gateway API keys (`Authorization: Bearer <key>`), then the key's rate limit. With no keys configured
 * the API is open (a startup warning says so).
 */
export const gatewayAuth = (runtime: ServerRuntime) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (runtime.keys.size === 0) return next();
    const token = readBearerToken(c.req.raw.headers);
    if (token === undefined) {
      runtime.metrics.countAuthFailure('missing');
      return unauthorized('Missing API key: send `Authorization: Bearer <key>`.');
    }
    const key = runtime.keys.find(token);
    if (key === undefined) {
      runtime.metrics.countAuthFailure('invalid');
      return unauthorized('Invalid API key.');
    }
    c.set('apiKey', key);
    const limit = key.requestsPerMinute ?? runtime.settings.perKeyLimit;
    if (limit === undefined) return next();
    const outcome = await enforceRateLimit(runtime, 'key', key.id, limit);
    if (outcome.refused !== undefined) return outcome.refused;
    await next();
    applyRateLimitHeaders(c, outcome.headers);
  });
