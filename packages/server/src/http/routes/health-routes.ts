import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { adminAuth } from '../auth/admin-auth.js';
import type { MetricSample } from '../metrics/server-metrics.js';
import type { ServerRuntime } from '../server-runtime.js';

const cacheSamples = async (runtime: ServerRuntime): Promise<Array<MetricSample>> => {
  const cache = runtime.admin.cache;
  if (cache === undefined) return [];
  try {
    const stats = await cache.stats();
    const gauge = (name: string, help: string, value: number | undefined): MetricSample => ({
      name,
      help,
      type: 'gauge',
      values: value === undefined ? [] : [{ value }],
    });
    return [
      {
        name: 'switchyard_cache_lookups_total',
        help: 'Cache lookups by result.',
        type: 'counter',
        values: [
          { labels: { result: 'hit' }, value: stats.hits },
          { labels: { result: 'semantic_hit' }, value: stats.semanticHits },
          { labels: { result: 'miss' }, value: stats.misses },
          { labels: { result: 'bypass' }, value: stats.bypassed },
        ],
      },
      gauge('switchyard_cache_entries', 'Entries in the cache store.', stats.entries),
      gauge('switchyard_cache_saved_usd', 'USD of provider calls replaced by cache hits.', stats.savedUsd),
    ];
  } catch (error) {
    runtime.logger.warn('metrics: cache stats unavailable', { error });
    return [];
  }
};

/** Renders the HTTP metrics plus those of the applied sections (Prometheus text format). */
export async function renderMetrics(runtime: ServerRuntime): Promise<Response> {
  const process: Array<MetricSample> = [
    {
      name: 'switchyard_build_info',
      help: 'Server version.',
      type: 'gauge',
      values: [{ labels: { version: runtime.version }, value: 1 }],
    },
    {
      name: 'switchyard_uptime_seconds',
      help: 'Seconds since the server started.',
      type: 'gauge',
      values: [{ value: Math.floor((Date.now() - runtime.startedAt) / 1000) }],
    },
    {
      name: 'switchyard_ready',
      help: '1 when the server takes API requests.',
      type: 'gauge',
      values: [{ value: runtime.state === 'ready' ? 1 : 0 }],
    },
  ];
  const [cache, sections] = await Promise.all([
    cacheSamples(runtime),
    runtime.sectionMetrics().catch(() => ''),
  ]);
  const text =
    runtime.metrics.render([...process, ...cache]) + (sections === '' ? '' : `${sections.trimEnd()}\n`);
  return new Response(text, { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' } });
}

/**
 * `/health` (liveness: the process answers), `/ready` (readiness: built, not draining, stores reachable)
 * and `/metrics` (unless it has its own port).
 */
export function mountHealthRoutes(app: Hono<AppEnv>, runtime: ServerRuntime): void {
  app.get('/health', (c) => {
    c.set('endpoint', '/health');
    const failed = runtime.state === 'failed';
    return c.json(
      {
        status: failed ? 'unhealthy' : 'healthy',
        version: runtime.version,
        uptime: Math.floor((Date.now() - runtime.startedAt) / 1000),
      },
      failed ? 503 : 200,
    );
  });

  app.get('/ready', async (c) => {
    c.set('endpoint', '/ready');
    const readiness = await runtime.checkReadiness();
    return readiness.ready
      ? c.json({ status: 'ready' })
      : c.json({ status: 'not_ready', reason: readiness.reason }, 503);
  });

  const { metricsEnabled, metricsPort, protectMetrics } = runtime.settings;
  if (!metricsEnabled || metricsPort !== undefined) return;
  const handler = async () => renderMetrics(runtime);
  if (protectMetrics) {
    app.get(
      '/metrics',
      async (c, next) => {
        c.set('endpoint', '/metrics');
        await next();
      },
      adminAuth(runtime),
      handler,
    );
  } else {
    app.get('/metrics', async (c) => {
      c.set('endpoint', '/metrics');
      return handler();
    });
  }
}
