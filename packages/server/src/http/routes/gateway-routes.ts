import {
  BadRequestError,
  type Gateway,
  IN_PROCESS_BASE_URL,
  PermissionDeniedError,
  safeParseJson,
} from '@switchyard/core';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isRecord } from '../../internal/is-record.js';
import type { AppEnv } from '../app-env.js';
import { gatewayAuth } from '../auth/gateway-auth.js';
import type { GatewayKey } from '../auth/key-store.js';
import { matchesRoutePattern } from '../auth/route-pattern.js';
import { openAIErrorResponse } from '../error-response.js';
import { forwardHeaders } from '../forward-headers.js';
import { prepareChatBody } from '../prepare-chat-body.js';
import type { ServerRuntime } from '../server-runtime.js';

const TRACE_ID = /^[\w.:-]{1,128}$/;

const readJsonObject = async (c: Context<AppEnv>): Promise<Record<string, unknown>> => {
  const parsed = safeParseJson(await c.req.text());
  if (!parsed.success || !isRecord(parsed.value)) {
    throw new BadRequestError('The request body must be a JSON object.', { status: 400, param: 'body' });
  }
  return parsed.value;
};

const authorizeRoute = (key: GatewayKey | undefined, address: string | undefined): void => {
  if (key?.routes === undefined) return;
  if (address !== undefined && key.routes.some((pattern) => matchesRoutePattern(pattern, address))) return;
  throw new PermissionDeniedError(
    `API key '${key.id}' may not use ${address === undefined ? 'this request' : `'${address}'`}; allowed: ${key.routes.join(', ')}.`,
    { status: 403, param: 'model', code: 'route_not_allowed' },
  );
};

const requireGateway = (runtime: ServerRuntime): Gateway => {
  const { gateway } = runtime;
  if (gateway === undefined) throw new Error('The gateway is not built.');
  return gateway;
};

/**
 * Hands a request to the gateway's own OpenAI-compatible handler (`gateway.fetch`), which owns chat,
 * SSE, embeddings and models; the server adds auth, limits, route permissions, metadata and lifecycle.
 */
async function forward(
  c: Context<AppEnv>,
  runtime: ServerRuntime,
  path: string,
  init: { method: string; body?: string },
): Promise<Response> {
  const incomingTrace = c.req.header('x-switchyard-trace-id');
  const traceId =
    incomingTrace !== undefined && TRACE_ID.test(incomingTrace) ? incomingTrace : crypto.randomUUID();
  const signal = AbortSignal.any([c.req.raw.signal, runtime.shutdownSignal]);
  try {
    return await requireGateway(runtime).fetch(`${IN_PROCESS_BASE_URL}${path}`, {
      ...init,
      headers: forwardHeaders(c.req.raw.headers, c.get('apiKey'), traceId),
      signal,
    });
  } catch (error) {
    // `gateway.fetch` rejects like `fetch` when the request was aborted.
    if (!signal.aborted) throw error;
    return runtime.shutdownSignal.aborted
      ? openAIErrorResponse(503, 'The server is shutting down.', {
          type: 'server_shutting_down',
          code: 'server_shutting_down',
        })
      : openAIErrorResponse(499, 'The client closed the request.', { type: 'aborted', code: 'aborted' });
  }
}

const limitBody = (runtime: ServerRuntime) =>
  bodyLimit({
    maxSize: runtime.settings.bodyLimit,
    onError: () =>
      openAIErrorResponse(413, `The request body exceeds the limit of ${runtime.settings.bodyLimit} bytes.`, {
        type: 'invalid_request_error',
        code: 'request_too_large',
        param: 'body',
        // The rest of the body is never read, so the connection cannot carry another request.
        headers: { connection: 'close' },
      }),
  });

/** `POST /v1/chat/completions` (JSON and SSE), `POST /v1/embeddings`, `GET /v1/models`. */
export function mountGatewayRoutes(app: Hono<AppEnv>, runtime: ServerRuntime): void {
  const auth = gatewayAuth(runtime);
  const body = limitBody(runtime);
  const endpoint = (path: string) => async (c: Context<AppEnv>, next: () => Promise<void>) => {
    c.set('endpoint', path);
    await next();
  };

  app.post('/v1/chat/completions', endpoint('/v1/chat/completions'), auth, body, async (c) => {
    const prepared = prepareChatBody(await readJsonObject(c), {
      route: c.req.header('x-switchyard-route'),
      guardrails: c.req.header('x-switchyard-guardrails'),
    });
    authorizeRoute(c.get('apiKey'), prepared.address);
    return forward(c, runtime, '/chat/completions', { method: 'POST', body: JSON.stringify(prepared.body) });
  });

  app.post('/v1/embeddings', endpoint('/v1/embeddings'), auth, body, async (c) => {
    const request = await readJsonObject(c);
    authorizeRoute(c.get('apiKey'), typeof request.model === 'string' ? request.model : undefined);
    return forward(c, runtime, '/embeddings', { method: 'POST', body: JSON.stringify(request) });
  });

  app.get('/v1/models', endpoint('/v1/models'), auth, async (c) => {
    const routes = c.get('apiKey')?.routes;
    if (routes === undefined) return forward(c, runtime, '/models', { method: 'GET' });
    // A key limited to some routes sees only those.
    const list = await requireGateway(runtime).models.list();
    return c.json({
      ...list,
      data: list.data.filter((model) => routes.some((pattern) => matchesRoutePattern(pattern, model.id))),
    });
  });
}
