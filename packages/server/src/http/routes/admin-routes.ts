import { BadRequestError, NotFoundError, safeParseJson } from '@switchyard/core';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { toDeployInput } from '../../build/sections/apply-prompts-section.js';
import { deployPromptSchema } from '../../config/schema/prompts-config-schema.js';
import { isRecord } from '../../internal/is-record.js';
import type { AppEnv } from '../app-env.js';
import { adminAuth } from '../auth/admin-auth.js';
import { errorToResponse, openAIErrorResponse } from '../error-response.js';
import type { ServerRuntime } from '../server-runtime.js';
import { parseAdminInput } from './parse-admin-input.js';

const limitSchema = z.coerce.number().int().min(1).max(1000).optional();

/** The reference article's `prompts.render(name, variables, version, test_version)`, plus `execute: false` to only render. */
const renderPromptSchema = z.strictObject({
  variables: z.record(z.string(), z.unknown()).optional(),
  version: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  test_version: z.string().min(1).optional(),
  split: z.number().min(0).max(1).optional(),
  weights: z.record(z.string(), z.number().positive()).optional(),
  sticky_key: z.string().min(1).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  execute: z.boolean().optional(),
});

const invalidateSchema = z.strictObject({
  pattern: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  /** ISO timestamp or epoch ms: entries created before it. */
  older_than: z.union([z.number(), z.iso.datetime()]).optional(),
});

const spendQuerySchema = z.object({
  start_date: z.string().min(1),
  end_date: z.string().min(1).optional(),
  group_by: z.string().min(1).optional(),
});

const logsQuerySchema = z.object({
  limit: limitSchema,
  status: z.enum(['success', 'error', 'cancelled']).optional(),
});

const notConfigured = (what: string, how: string): NotFoundError =>
  new NotFoundError(`${what} is not available: ${how}.`, { status: 404, code: 'feature_not_configured' });

const readBody = async (c: Context<AppEnv>): Promise<Record<string, unknown>> => {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const parsed = safeParseJson(text);
  if (!parsed.success || !isRecord(parsed.value)) {
    throw new BadRequestError('The request body must be a JSON object.', { status: 400, param: 'body' });
  }
  return parsed.value;
};

type AdminHandler = (c: Context<AppEnv>, details: Record<string, unknown>) => Promise<unknown>;

/**
 * Admin routes for the plugin instances the server holds (cache, spend, logs, prompts) plus the audit
 * log and status. Every call — refused ones included — is written to the audit log.
 */
export function mountAdminRoutes(app: Hono<AppEnv>, runtime: ServerRuntime): void {
  const auth = adminAuth(runtime);
  const body = bodyLimit({
    maxSize: runtime.settings.bodyLimit,
    onError: () =>
      openAIErrorResponse(413, 'The request body is too large.', {
        type: 'invalid_request_error',
        code: 'request_too_large',
      }),
  });

  const route = (method: 'get' | 'post', path: string, action: string, handler: AdminHandler) => {
    app[method](
      path,
      async (c, next) => {
        c.set('endpoint', path);
        await next();
      },
      auth,
      body,
      async (c) => {
        const details: Record<string, unknown> = {};
        let response: Response;
        try {
          const result = await handler(c, details);
          response = c.json(result);
        } catch (error) {
          response = errorToResponse(error);
        }
        runtime.audit.record({
          action,
          method: c.req.method,
          path: c.req.path,
          status: response.status,
          ip: c.get('clientIp'),
          actor: 'admin',
          ...(Object.keys(details).length === 0 ? {} : { details }),
        });
        return response;
      },
    );
  };

  route('get', '/v1/admin/cache/stats', 'cache.stats', async () => {
    const cache = runtime.admin.cache;
    if (cache === undefined) throw notConfigured('The cache', 'add a `cache:` section');
    return { object: 'cache.stats', ...(await cache.stats()) };
  });

  route('post', '/v1/admin/cache/invalidate', 'cache.invalidate', async (c, details) => {
    const cache = runtime.admin.cache;
    if (cache === undefined) throw notConfigured('The cache', 'add a `cache:` section');
    const filter = parseAdminInput(invalidateSchema, await readBody(c));
    Object.assign(details, filter);
    const invalidated = await cache.invalidate({
      ...(filter.pattern === undefined ? {} : { pattern: filter.pattern }),
      ...(filter.provider === undefined ? {} : { provider: filter.provider }),
      ...(filter.model === undefined ? {} : { model: filter.model }),
      ...(filter.namespace === undefined ? {} : { namespace: filter.namespace }),
      ...(filter.older_than === undefined ? {} : { olderThan: new Date(filter.older_than) }),
    });
    return { object: 'cache.invalidation', invalidated };
  });

  route('get', '/v1/admin/analytics/spend', 'spend.report', async (c, details) => {
    const spend = runtime.admin.spend;
    if (spend === undefined)
      throw notConfigured('Spend analytics', 'spend tracking is off (spend.enabled: false)');
    const query = parseAdminInput(spendQuerySchema, c.req.query());
    Object.assign(details, query);
    return spend.report({
      start: query.start_date,
      end: query.end_date ?? new Date(),
      ...(query.group_by === undefined ? {} : { groupBy: query.group_by }),
    });
  });

  route('get', '/v1/admin/budgets', 'spend.budgets', async () => {
    const spend = runtime.admin.spend;
    if (spend === undefined) throw notConfigured('Budgets', 'spend tracking is off (spend.enabled: false)');
    return { object: 'list', data: await spend.budgets.status() };
  });

  route('get', '/v1/admin/logs', 'logs.query', async (c, details) => {
    const logs = runtime.admin.logs;
    if (logs === undefined) throw notConfigured('Request logs', 'enable spend tracking or telemetry');
    const query = parseAdminInput(logsQuerySchema, c.req.query());
    Object.assign(details, query);
    const data = await logs.query({
      limit: query.limit ?? 100,
      ...(query.status === undefined ? {} : { status: query.status }),
    });
    return { object: 'list', data };
  });

  const registry = () => {
    const prompts = runtime.admin.prompts;
    if (prompts === undefined) throw notConfigured('The prompt registry', 'add a `prompts:` section');
    return prompts;
  };

  route('get', '/v1/admin/prompts', 'prompts.list', async () => ({
    object: 'list',
    data: await registry().list(),
  }));

  route('post', '/v1/admin/prompts', 'prompts.deploy', async (c, details) => {
    const input = parseAdminInput(deployPromptSchema, await readBody(c));
    if (input.name === undefined)
      throw new BadRequestError("Invalid 'name': is required.", { status: 400, param: 'name' });
    Object.assign(details, { name: input.name, version: input.version, labels: input.labels });
    return registry().deploy(toDeployInput(input.name, input));
  });

  route('get', '/v1/admin/prompts/:name', 'prompts.history', async (c) => ({
    object: 'list',
    data: await registry().history(c.req.param('name') ?? ''),
  }));

  route('post', '/v1/admin/prompts/:name/labels', 'prompts.label', async (c, details) => {
    const { label, version } = parseAdminInput(
      z.strictObject({ label: z.string().min(1), version: z.string().min(1) }),
      await readBody(c),
    );
    const name = c.req.param('name') ?? '';
    Object.assign(details, { name, label, version });
    await registry().setLabel({ name, label, version });
    return { object: 'prompt.label', name, label, version };
  });

  route('post', '/v1/admin/prompts/:name/render', 'prompts.render', async (c, details) => {
    const name = c.req.param('name') ?? '';
    const input = parseAdminInput(renderPromptSchema, await readBody(c));
    Object.assign(details, {
      name,
      version: input.version,
      label: input.label,
      test_version: input.test_version,
      execute: input.execute !== false,
    });
    const request = {
      name,
      ...(input.variables === undefined ? {} : { variables: input.variables }),
      ...(input.version === undefined ? {} : { version: input.version }),
      ...(input.label === undefined ? {} : { label: input.label }),
      ...(input.test_version === undefined ? {} : { testVersion: input.test_version }),
      ...(input.split === undefined ? {} : { split: input.split }),
      ...(input.weights === undefined ? {} : { weights: input.weights }),
      ...(input.sticky_key === undefined ? {} : { stickyKey: input.sticky_key }),
    };
    if (input.execute === false) return registry().render(request);
    const gateway = runtime.gateway;
    if (gateway === undefined) throw new Error('The gateway is not built.');
    return registry().render({
      ...request,
      gateway,
      ...(input.metadata === undefined ? {} : { options: { metadata: input.metadata } }),
    });
  });

  route('get', '/v1/admin/guardrails/stats', 'guardrails.stats', async () => {
    const guards = runtime.admin.guardrails;
    if (guards === undefined) throw notConfigured('Guardrails', 'add a `guardrails:` section');
    return { object: 'guardrails.stats', ...guards.stats() };
  });

  route('get', '/v1/admin/audit', 'audit.list', async (c) => {
    const { limit } = parseAdminInput(z.object({ limit: limitSchema }), c.req.query());
    return { object: 'list', data: runtime.audit.list(limit ?? 100) };
  });

  route('get', '/v1/admin/status', 'status', async () => {
    const config = runtime.config;
    return {
      object: 'server.status',
      version: runtime.version,
      state: runtime.state,
      uptime: Math.floor((Date.now() - runtime.startedAt) / 1000),
      inFlight: runtime.inFlight,
      providers: Object.fromEntries(
        Object.entries(config?.providers ?? {}).map(([name, provider]) => [name, provider.type]),
      ),
      strategies: Object.fromEntries(
        Object.entries(config?.strategies ?? {}).map(([name, strategy]) => [name, strategy.type]),
      ),
      applied: Object.keys(runtime.admin),
      warnings: runtime.warnings,
    };
  });
}
