import { cache } from '@switchyard/cache';
import { createGateway, loadBalance, type Middleware } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { spend } from '@switchyard/spend';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { ledgerLogSource } from '../index.js';

const TEAM_A = 'sk-team-a-0123456789abcdef';
const TEAM_B = 'sk-team-b-0123456789abcdef';
const ADMIN = 'admin-key-0123456789abcdef';
const hello = [{ role: 'user' as const, content: 'Hello' }];

const setup = () => {
  const mock = mockProvider({ reply: 'Hello from the mock', embeddingDimensions: 4 });
  const seen: Array<Record<string, string>> = [];
  const spy: Middleware = {
    name: 'spy',
    stages: {
      telemetry: (state, next) => {
        seen.push({ ...state.metadata });
        return next();
      },
    },
  };
  const responseCache = cache({ mode: 'exact' });
  const tracker = spend({});
  const gateway = createGateway({
    providers: { mock, other: mockProvider({ reply: 'other' }) },
    routes: { pool: loadBalance([{ provider: 'mock', model: 'pooled-model' }]) },
    middleware: [spy, responseCache, tracker],
  });
  return { mock, seen, gateway, responseCache, tracker };
};

const json = (response: Response): Promise<Record<string, unknown>> => response.json();

describe('the server over a loopback socket', () => {
  let s: TestServer;
  let parts: ReturnType<typeof setup>;
  let client: OpenAI;

  beforeAll(async () => {
    parts = setup();
    s = await startTestServer({
      gateway: parts.gateway,
      admin: { cache: parts.responseCache, spend: parts.tracker, logs: ledgerLogSource(parts.tracker) },
      apiKeys: [
        { key: TEAM_A, id: 'team-a', metadata: { team: 'search' }, routes: ['pool', 'mock/*'] },
        { key: TEAM_B, id: 'team-b', requestsPerMinute: 1000 },
      ],
      adminKey: ADMIN,
    });
    client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: TEAM_A, maxRetries: 0 });
  });
  afterAll(() => s.close());

  describe('the openai SDK', () => {
    it('creates a completion, with x-switchyard-* and x-request-id headers', async () => {
      const { data, response } = await client.chat.completions
        .create({ model: 'mock/gpt-test', messages: hello })
        .withResponse();
      expect(data.choices[0]?.message.content).toBe('Hello from the mock');
      expect(response.headers.get('x-switchyard-provider')).toBe('mock');
      expect(response.headers.get('x-switchyard-route')).toBe('mock/gpt-test');
      expect(response.headers.get('x-switchyard-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('streams over SSE, ending with exactly one usage chunk', async () => {
      const stream = await client.chat.completions.create({
        model: 'mock/gpt-test',
        messages: [{ role: 'user', content: 'stream please' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks: Array<OpenAI.ChatCompletionChunk> = [];
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
        'Hello from the mock',
      );
      expect(chunks.filter((chunk) => chunk.usage != null)).toHaveLength(1);
      const line = s.logs.find('request').find((entry) => entry.stream !== undefined);
      expect(line).toMatchObject({
        stream: 'completed',
        status: 200,
        endpoint: '/v1/chat/completions',
        keyId: 'team-a',
      });
    });

    it('serves embeddings and the model list (limited to the routes a key may use)', async () => {
      const embeddings = await client.embeddings.create({ model: 'mock/embed', input: 'hello' });
      expect(embeddings.data[0]?.embedding).toHaveLength(4);
      const limited = await client.models.list();
      expect(limited.data.map((model) => model.id)).toEqual(['pool', 'mock/pooled-model']);
      const all = await new OpenAI({ baseURL: `${s.url}/v1`, apiKey: TEAM_B, maxRetries: 0 }).models.list();
      expect(all.data.map((model) => model.id)).toContain('pool');
    });

    it('selects a strategy with `config`, x-switchyard-route, or `provider` + `model` as in the reference article', async () => {
      const viaConfig = await fetch(`${s.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEAM_A}`, 'content-type': 'application/json' },
        body: JSON.stringify({ config: 'pool', messages: hello }),
      });
      expect(viaConfig.headers.get('x-switchyard-route')).toBe('pool');
      expect(viaConfig.headers.get('x-switchyard-model')).toBe('pooled-model');
      const viaHeader = await client.chat.completions
        .create({ model: 'anything', messages: hello }, { headers: { 'x-switchyard-route': 'pool' } })
        .withResponse();
      expect(viaHeader.response.headers.get('x-switchyard-route')).toBe('pool');
      const viaProvider = await fetch(`${s.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEAM_B}` },
        body: JSON.stringify({ model: 'gpt-4o', provider: 'other', messages: hello }),
      });
      expect(viaProvider.headers.get('x-switchyard-route')).toBe('other/gpt-4o');
      expect(await json(viaProvider)).toMatchObject({ choices: [{ message: { content: 'other' } }] });
    });

    it("merges the key's metadata over the caller's (api_key_id cannot be spoofed) and keeps credentials out of the pipeline", async () => {
      parts.seen.length = 0;
      await client.chat.completions.create(
        { model: 'mock/meta', messages: [{ role: 'user', content: 'metadata' }] },
        {
          headers: {
            'x-switchyard-metadata': JSON.stringify({
              user_id: 'u-1',
              team: 'spoofed',
              api_key_id: 'team-b',
            }),
          },
        },
      );
      expect(parts.seen).toEqual([{ user_id: 'u-1', team: 'search', api_key_id: 'team-a' }]);
      const call = parts.mock.calls.at(-1);
      expect(JSON.stringify(call?.headers ?? {})).not.toContain(TEAM_A);
    });
  });

  describe('authentication and permissions', () => {
    it('refuses a missing or invalid key with 401 in OpenAI error JSON', async () => {
      const missing = await fetch(`${s.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
      expect(missing.status).toBe(401);
      expect(await json(missing)).toEqual({
        error: {
          message: expect.stringContaining('Missing API key'),
          type: 'invalid_request_error',
          code: 'invalid_api_key',
          param: null,
        },
      });
      const wrong = new OpenAI({
        baseURL: `${s.url}/v1`,
        apiKey: 'sk-wrong-0123456789abcdef',
        maxRetries: 0,
      });
      await expect(
        wrong.chat.completions.create({ model: 'mock/x', messages: hello }),
      ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      const admin = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: ADMIN, maxRetries: 0 });
      await expect(admin.models.list()).rejects.toMatchObject({ status: 401 });
    });

    it('refuses routes a key may not use with 403, before any provider call', async () => {
      const calls = parts.mock.calls.length;
      const error = await client.chat.completions
        .create({ model: 'other/gpt-4o', messages: hello })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
      expect(error).toMatchObject({ status: 403, code: 'route_not_allowed' });
      expect(parts.mock.calls.length).toBe(calls);
    });
  });

  describe('request safety', () => {
    it('answers malformed JSON, unknown routes and wrong methods with OpenAI error JSON', async () => {
      const headers = { authorization: `Bearer ${TEAM_B}`, 'content-type': 'application/json' };
      const malformed = await fetch(`${s.url}/v1/chat/completions`, {
        method: 'POST',
        headers,
        body: '{"model":',
      });
      expect(malformed.status).toBe(400);
      expect(await json(malformed)).toMatchObject({
        error: { type: 'invalid_request_error', param: 'body' },
      });
      const notObject = await fetch(`${s.url}/v1/embeddings`, { method: 'POST', headers, body: '[1,2]' });
      expect(notObject.status).toBe(400);
      const unknown = await fetch(`${s.url}/v1/completions`, { method: 'POST', headers, body: '{}' });
      expect(unknown.status).toBe(404);
      expect(await json(unknown)).toEqual({
        error: {
          message: 'No route for POST /v1/completions.',
          type: 'not_found_error',
          code: 'unknown_url',
          param: null,
        },
      });
      expect((await fetch(`${s.url}/v1/chat/completions`, { headers })).status).toBe(404);
      expect((await fetch(`${s.url}/nope`)).status).toBe(404);
    });

    it('refuses inline configs, so a request cannot choose an upstream URL', async () => {
      const calls = parts.mock.calls.length;
      const response = await fetch(`${s.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEAM_B}` },
        body: JSON.stringify({
          config: { provider: 'openai', base_url: 'http://169.254.169.254/latest', api_key: 'x' },
          model: 'mock/x',
          messages: hello,
        }),
      });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ error: { param: 'config', code: 'invalid_config' } });
      expect(parts.mock.calls.length).toBe(calls);
    });

    it('CORS is off by default', async () => {
      const preflight = await fetch(`${s.url}/v1/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('health, readiness, metrics', () => {
    it('/health is {status, version, uptime}; /ready is 200 when ready', async () => {
      expect(await json(await fetch(`${s.url}/health`))).toEqual({
        status: 'healthy',
        version: '0.1.0',
        uptime: expect.any(Number),
      });
      const ready = await fetch(`${s.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await json(ready)).toEqual({ status: 'ready' });
    });

    it('/metrics is Prometheus text with per-endpoint counters and the cache', async () => {
      const response = await fetch(`${s.url}/metrics`);
      expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      const text = await response.text();
      expect(text).toMatch(
        /switchyard_http_requests_total\{method="POST",endpoint="\/v1\/chat\/completions",status="200"\} \d+/,
      );
      expect(text).toMatch(/switchyard_auth_failures_total\{reason="invalid"\} \d+/);
      expect(text).toContain(
        'switchyard_http_request_duration_seconds_bucket{endpoint="/v1/chat/completions",le="+Inf"}',
      );
      expect(text).toMatch(/switchyard_cache_lookups_total\{result="miss"\} \d+/);
      expect(text).toContain('switchyard_ready 1');
    });
  });

  describe('admin API', () => {
    const admin = (path: string, init: RequestInit = {}, key = ADMIN) =>
      fetch(`${s.url}/v1/admin${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, ...init.headers },
      });

    it('needs the admin key: missing 401, a gateway key 403, a wrong key 401', async () => {
      expect((await fetch(`${s.url}/v1/admin/cache/stats`)).status).toBe(401);
      const gatewayKey = await admin('/cache/stats', {}, TEAM_A);
      expect(gatewayKey.status).toBe(403);
      expect(await json(gatewayKey)).toMatchObject({
        error: { type: 'permission_error', code: 'gateway_key' },
      });
      expect((await admin('/cache/stats', {}, 'admin-wrong-0123456789abcdef')).status).toBe(401);
    });

    it("serves the cache's stats and invalidation (the reference article's curl)", async () => {
      await client.chat.completions.create({
        model: 'mock/k8s',
        messages: [{ role: 'user', content: 'What is Kubernetes?' }],
      });
      const hit = await client.chat.completions
        .create({ model: 'mock/k8s', messages: [{ role: 'user', content: 'What is Kubernetes?' }] })
        .withResponse();
      expect(hit.response.headers.get('x-switchyard-cache')).toBe('hit');
      expect(await json(await admin('/cache/stats'))).toMatchObject({
        object: 'cache.stats',
        hits: expect.any(Number),
        entries: expect.any(Number),
      });
      const invalidated = await admin('/cache/invalidate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pattern: 'kubernetes', provider: 'mock' }),
      });
      expect(await json(invalidated)).toEqual({ object: 'cache.invalidation', invalidated: 1 });
      const bad = await admin('/cache/invalidate', {
        method: 'POST',
        body: JSON.stringify({ pattern: 'x', olderThan: 1 }),
      });
      expect(bad.status).toBe(400);
    });

    it('serves spend analytics grouped as asked, and request logs by status', async () => {
      await parts.tracker.flush();
      const today = new Date().toISOString().slice(0, 10);
      const report = await json(
        await admin(`/analytics/spend?start_date=${today}&end_date=${today}&group_by=api_key_id`),
      );
      expect(report).toMatchObject({
        groupBy: 'api_key_id',
        currency: 'USD',
        totals: { requests: expect.any(Number) },
      });
      expect(JSON.stringify(report)).toContain('team-a');
      expect((await admin('/analytics/spend')).status).toBe(400);
      const logs = await json(await admin('/logs?limit=2&status=success'));
      expect(logs).toMatchObject({ object: 'list', data: [{ status: 'success' }, { status: 'success' }] });
      expect((await admin('/logs?status=weird')).status).toBe(400);
    });

    it('answers 404 for instances it does not hold, and audits every admin action', async () => {
      const prompts = await admin('/prompts');
      expect(prompts.status).toBe(404);
      expect(await json(prompts)).toMatchObject({ error: { code: 'feature_not_configured' } });
      const audit = await json(await admin('/audit?limit=50'));
      const entry = (action: string, status: number) => expect.objectContaining({ action, status });
      expect(audit).toMatchObject({
        object: 'list',
        data: expect.arrayContaining([
          entry('cache.invalidate', 200),
          entry('cache.invalidate', 400),
          entry('auth.refused', 403),
          entry('auth.refused', 401),
          entry('prompts.list', 404),
        ]),
      });
      expect(s.logs.find('audit').length).toBeGreaterThan(5);
      expect(s.logs.find('audit')[0]).toMatchObject({
        audit: true,
        actor: expect.any(String),
        ip: '127.0.0.1',
      });
    });
  });

  it('never writes a key to logs, audit entries or metrics', async () => {
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    const audit = JSON.stringify(
      await json(
        await fetch(`${s.url}/v1/admin/audit?limit=1000`, { headers: { authorization: `Bearer ${ADMIN}` } }),
      ),
    );
    for (const sink of [s.logs.lines.join('\n'), metrics, audit]) {
      for (const secret of [
        TEAM_A,
        TEAM_B,
        ADMIN,
        'sk-wrong-0123456789abcdef',
        'admin-wrong-0123456789abcdef',
      ]) {
        expect(sink).not.toContain(secret);
      }
    }
  });
});

describe('limits', () => {
  it('rate-limits per key with 429, Retry-After and OpenAI headers', async () => {
    const s = await startTestServer({
      gateway: createGateway({ providers: { mock: mockProvider() } }),
      apiKeys: [{ key: TEAM_A, requestsPerMinute: 2 }],
    });
    const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: TEAM_A, maxRetries: 0 });
    const first = await client.chat.completions.create({ model: 'm', messages: hello }).withResponse();
    expect(first.response.headers.get('x-ratelimit-limit-requests')).toBe('2');
    await client.chat.completions.create({ model: 'm', messages: hello });
    const error = await client.chat.completions
      .create({ model: 'm', messages: hello })
      .catch((e: unknown) => e);
    if (!(error instanceof OpenAI.RateLimitError)) throw error;
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    const retryAfter = Number(error.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(await (await fetch(`${s.url}/metrics`)).text()).toContain(
      'switchyard_rate_limited_total{scope="key"} 1',
    );
    await s.close();
  });

  it('rate-limits per client IP before authentication', async () => {
    const s = await startTestServer({
      gateway: createGateway({ providers: { mock: mockProvider() } }),
      apiKeys: [{ key: TEAM_A }],
      rateLimits: { perIp: 3 },
    });
    const statuses: Array<number> = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await fetch(`${s.url}/v1/models`, { headers: { authorization: 'Bearer guess' } })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
    await s.close();
  });

  it('limits the body size (413), with or without a content-length', async () => {
    const mock = mockProvider();
    const s = await startTestServer({ gateway: createGateway({ providers: { mock } }), bodyLimit: 1024 });
    const big = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(2000) }] });
    const declared = await fetch(`${s.url}/v1/chat/completions`, { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(await json(declared)).toMatchObject({ error: { code: 'request_too_large', param: 'body' } });
    // No content-length: the body arrives chunked and is counted as it is read.
    const streamed: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      body: new Blob([big]).stream(),
      duplex: 'half',
    };
    const chunked = await fetch(`${s.url}/v1/chat/completions`, streamed);
    expect(chunked.status).toBe(413);
    expect(mock.calls).toHaveLength(0);
    const small = await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: hello }),
    });
    expect(small.status).toBe(200);
    await s.close();
  });
});

describe('configuration of the HTTP layer', () => {
  it('without an admin key the admin API is off (403), and warns at startup', async () => {
    const s = await startTestServer({ gateway: createGateway({ providers: { mock: mockProvider() } }) });
    const response = await fetch(`${s.url}/v1/admin/status`);
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: { code: 'admin_disabled' } });
    expect(s.app.switchyard.warnings).toEqual([
      expect.stringContaining('no gateway API keys'),
      expect.stringContaining('no SWITCHYARD_ADMIN_KEY'),
    ]);
    await s.close();
  });

  it('reads keys from SWITCHYARD_API_KEYS / SWITCHYARD_ADMIN_KEY, allows listed CORS origins, protects /metrics when asked', async () => {
    const s = await startTestServer({
      gateway: createGateway({ providers: { mock: mockProvider() } }),
      env: { SWITCHYARD_API_KEYS: `${TEAM_A}, ${TEAM_B}`, SWITCHYARD_ADMIN_KEY: ADMIN },
      cors: { origins: ['https://app.example'] },
      protectMetrics: true,
    });
    for (const key of [TEAM_A, TEAM_B]) {
      expect(
        (await fetch(`${s.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status,
      ).toBe(200);
    }
    const allowed = await fetch(`${s.url}/v1/models`, {
      headers: { authorization: `Bearer ${TEAM_A}`, origin: 'https://app.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('x-switchyard-trace-id');
    const other = await fetch(`${s.url}/v1/models`, {
      headers: { authorization: `Bearer ${TEAM_A}`, origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(
      200,
    );
    expect(
      (await fetch(`${s.url}/v1/admin/status`, { headers: { authorization: `Bearer ${ADMIN}` } })).status,
    ).toBe(200);
    await s.close();
  });
});
