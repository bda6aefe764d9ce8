import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.js';
import { observeStream } from './lifecycle/observe-stream.js';
import { clientIp } from './rate-limit/client-ip.js';
import type { ServerRuntime } from './server-runtime.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const QUIET_ENDPOINTS = new Set(['/health', '/ready', '/metrics']);
const SHUTDOWN_EVENT = new TextEncoder().encode(
  `data: ${JSON.stringify({
    error: {
      message: 'The server is shutting down; retry on another instance.',
      type: 'server_shutting_down',
      code: 'server_shutting_down',
      param: null,
    },
  })}\n\n`,
);

const socketAddress = (c: Context<AppEnv>): string | undefined => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not running on @hono/node-server (e.g. app.request in tests)
  }
};

/**
 * Runs around every request: request id, client address, in-flight accounting (an SSE stream counts
 * until its last byte), one structured log line and the HTTP metrics.
 */
export const requestContext = (runtime: ServerRuntime) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const incomingId = c.req.header('x-request-id');
    const requestId =
      incomingId !== undefined && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set(
      'clientIp',
      clientIp(socketAddress(c), c.req.header('x-forwarded-for') ?? null, runtime.settings.trustProxyHops),
    );
    c.set('endpoint', 'unmatched');
    c.set('apiKey', undefined);
    const end = runtime.beginRequest();
    await next();
    c.header('x-request-id', requestId);

    const finish = (outcome?: string) => {
      end();
      const seconds = (performance.now() - started) / 1000;
      const endpoint = c.get('endpoint');
      runtime.metrics.observeRequest(c.req.method, endpoint, c.res.status, seconds);
      const headers = c.res.headers;
      const fields = {
        requestId,
        method: c.req.method,
        path: c.req.path,
        endpoint,
        status: c.res.status,
        durationMs: Math.round(seconds * 100_000) / 100,
        ip: c.get('clientIp'),
        keyId: c.get('apiKey')?.id,
        traceId: headers.get('x-switchyard-trace-id') ?? undefined,
        route: headers.get('x-switchyard-route') ?? undefined,
        provider: headers.get('x-switchyard-provider') ?? undefined,
        model: headers.get('x-switchyard-model') ?? undefined,
        cache: headers.get('x-switchyard-cache') ?? undefined,
        ...(outcome === undefined ? {} : { stream: outcome }),
      };
      if (c.res.status >= 500) runtime.logger.warn('request', fields);
      else if (QUIET_ENDPOINTS.has(endpoint)) runtime.logger.debug('request', fields);
      else runtime.logger.info('request', fields);
    };

    const response = c.res;
    const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') === true;
    if (!isStream || response.body === null) {
      finish();
      return;
    }
    runtime.metrics.streamsInFlight++;
    const body = observeStream(
      response.body,
      (outcome) => {
        runtime.metrics.streamsInFlight--;
        finish(outcome);
      },
      // A stream cut by shutdown ends with an error event the client's SDK raises, not a broken connection.
      () => (runtime.shutdownSignal.aborted ? SHUTDOWN_EVENT : undefined),
    );
    c.res = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  });
