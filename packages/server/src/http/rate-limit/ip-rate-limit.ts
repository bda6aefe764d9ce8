import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { ServerRuntime } from '../server-runtime.js';
import { enforceRateLimit } from './enforce-rate-limit.js';

/** Per-client-address limit, before authentication (so it also slows down key guessing). */
export const ipRateLimit = (runtime: ServerRuntime) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const limit = runtime.settings.perIpLimit;
    if (limit === undefined) return next();
    const outcome = await enforceRateLimit(runtime, 'ip', c.get('clientIp'), limit);
    if (outcome.refused !== undefined) return outcome.refused;
    await next();
  });
