import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Environment } from '../config/substitute-env.js';
import { createJsonLogger } from '../logging/logger.js';
import type { AppEnv } from './app-env.js';
import { errorToResponse, openAIErrorResponse } from './error-response.js';
import { ipRateLimit } from './rate-limit/ip-rate-limit.js';
import { readinessGate } from './readiness-gate.js';
import { requestContext } from './request-context.js';
import { resolveServerSettings } from './resolve-server-settings.js';
import { mountAdminRoutes } from './routes/admin-routes.js';
import { mountGatewayRoutes } from './routes/gateway-routes.js';
import { mountHealthRoutes, renderMetrics } from './routes/health-routes.js';
import type { CreateServerOptions } from './server-options.js';
import { type ServerControl, ServerRuntime } from './server-runtime.js';

/** Response headers a browser may read when CORS is on. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'x-switchyard-provider',
  'x-switchyard-model',
  'x-switchyard-route',
  'x-switchyard-cache',
  'x-switchyard-attempts',
  'x-switchyard-trace-id',
  'x-switchyard-latency-ms',
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'retry-after',
];

export interface SwitchyardServer extends Hono<AppEnv> {
  /** Lifecycle: readiness, warnings, graceful shutdown. */
  readonly switchyard: ServerControl & {
    /** Serves `/metrics` alone, for `observability.metrics.port`. */
    readonly metricsFetch: (request: Request) => Promise<Response>;
  };
}

/**
 * The OpenAI-compatible HTTP gateway as a Hono app: `/v1/chat/completions` (JSON and SSE),
 * `/v1/embeddings`, `/v1/models`, `/health`, `/ready`, `/metrics` and `/v1/admin/*`, with gateway keys,
 * a separate admin key, rate limits, a body limit, audit log and graceful shutdown. Serve it with
 * `startServer(app)` (Node) or any runtime that takes `app.fetch`.
 *
 * ```ts
 * const app = createServer({ config: await loadConfig('switchyard.yaml') });
 * const server = await startServer(app, { port: 8787 });
 * ```
 */
export function createServer(options: CreateServerOptions): SwitchyardServer {
  const env: Environment = options.env ?? globalThis.process?.env ?? {};
  const settings = resolveServerSettings(options, env);
  const logger =
    options.logger ??
    createJsonLogger({ level: options.config?.server?.log_level ?? 'info', base: { service: 'switchyard' } });
  const runtime = new ServerRuntime(options, settings, logger);

  const app = new Hono<AppEnv>();
  app.use('*', requestContext(runtime));
  if (settings.corsOrigins !== undefined) {
    app.use('*', cors({ origin: [...settings.corsOrigins], exposeHeaders: EXPOSED_HEADERS, maxAge: 600 }));
  }
  mountHealthRoutes(app, runtime);
  app.use('/v1/*', readinessGate(runtime), ipRateLimit(runtime));
  mountAdminRoutes(app, runtime);
  mountGatewayRoutes(app, runtime);

  app.notFound((c) =>
    openAIErrorResponse(404, `No route for ${c.req.method} ${c.req.path}.`, {
      type: 'not_found_error',
      code: 'unknown_url',
    }),
  );
  app.onError((error) => {
    const response = errorToResponse(error);
    if (response.status >= 500) logger.error('unhandled error', { error });
    return response;
  });

  const metricsApp = new Hono();
  metricsApp.get('/metrics', () => renderMetrics(runtime));
  const metricsFetch = async (request: Request): Promise<Response> => metricsApp.fetch(request);

  return Object.assign(app, {
    switchyard: Object.assign(runtime, { metricsFetch }),
  });
}
