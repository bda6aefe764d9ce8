import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { openAIErrorResponse } from '../error-response.js';
import type { ServerRuntime } from '../server-runtime.js';
import { readBearerToken } from './read-bearer-token.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The admin key (`SWITCHYARD_ADMIN_KEY`), separate from gateway keys, for `/v1/admin/*` and a protected
 * `/metrics`. Failed attempts are audited.
 */
export const adminAuth = (runtime: ServerRuntime) => {
  const expected = runtime.settings.adminKey === undefined ? undefined : digest(runtime.settings.adminKey);
  return createMiddleware<AppEnv>(async (c, next) => {
    const refuse = (status: 401 | 403, reason: string, message: string) => {
      runtime.metrics.countAuthFailure(`admin_${reason}`);
      runtime.audit.record({
        action: 'auth.refused',
        method: c.req.method,
        path: c.req.path,
        status,
        ip: c.get('clientIp'),
        actor: 'anonymous',
        details: { reason },
      });
      return openAIErrorResponse(status, message, {
        type: status === 401 ? 'invalid_request_error' : 'permission_error',
        code: reason,
      });
    };
    if (expected === undefined) {
      return refuse(
        403,
        'admin_disabled',
        'The admin API is disabled: set SWITCHYARD_ADMIN_KEY to enable it.',
      );
    }
    const token = readBearerToken(c.req.raw.headers);
    if (token === undefined)
      return refuse(401, 'missing', 'Missing admin key: send `Authorization: Bearer <admin key>`.');
    if (!timingSafeEqual(digest(token), expected)) {
      const isGatewayKey = runtime.keys.find(token) !== undefined;
      return isGatewayKey
        ? refuse(403, 'gateway_key', 'Gateway API keys cannot use the admin API; use the admin key.')
        : refuse(401, 'invalid', 'Invalid admin key.');
    }
    return next();
  });
};
