import type { RedisCommandClient } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../../../test-support/postgres-server.js';
import { type RunningRedis, startRedis } from '../../../../test-support/redis-server.js';
import { findCanaries } from '../../test/helpers/canaries.js';
import { dumpPostgres, dumpRedis } from '../../test/helpers/dump-stores.js';
import { type LoopbackUpstream, startLoopbackUpstream } from '../../test/helpers/loopback-upstream.js';
import { type SpanCollector, startSpanCollector } from '../../test/helpers/span-collector.js';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { parseConfig } from '../index.js';
import { connectPostgres } from '../storage/connect-postgres.js';
import { connectRedis } from '../storage/connect-redis.js';
import type { SqlClient, StoreConnection } from '../storage/storage-clients.js';

/** Provider keys, in the configuration only: shaped like OpenAI's and Anthropic's, and one with no shape. */
const PROVIDER_KEYS = {
  openai: `sk-proj-${'Cn4ryOpenAi0'.repeat(4)}`,
  anthropic: `sk-ant-api03-${'Cn4ryAnthrop1c'.repeat(3)}`,
  local: 'q8Zt3VxL0pWm5RkE2nYc7HsJ4aDf9GuB',
  moderation: 'Zm9vYmFyQ4n4ryModeration7e1d0c',
};
/** Keys callers send: gateway keys, the admin key, a wrong key, and a provider key a caller tries to pass. */
const CALLER_KEYS = {
  tenantA: 'sk-gw-tenant-a-Cn4ry-7d0c1e55a9b2',
  tenantB: 'sk-gw-tenant-b-Cn4ry-1f9e6a0b3c44',
  admin: 'admin-Cn4ry-5e8f0a1b2c3d4e5f6a7b',
  wrong: 'sk-gw-wrong-Cn4ry-90ab12cd34ef56',
  callerProvider: 'sk-caller-supplied-Cn4ry-0a1b2c3d',
};
const CANARIES = { ...PROVIDER_KEYS, ...CALLER_KEYS };

const configYaml = `
server:
  api_keys:
    - key: \${TENANT_A_KEY}
      id: tenant-a
    - key: \${TENANT_B_KEY}
      id: tenant-b
providers:
  openai-primary:
    type: openai
    api_key: \${OPENAI_API_KEY}
    base_url: \${UPSTREAM}/v1
  anthropic-primary:
    type: anthropic
    api_key: \${ANTHROPIC_API_KEY}
    base_url: \${UPSTREAM}
  local:
    type: openai-compatible
    api_key: \${LOCAL_API_KEY}
    base_url: \${UPSTREAM}/v1
strategies:
  resilient:
    type: fallback
    targets:
      - { provider: local, model: echo-500, retry: 0 }
      - { provider: openai-primary, model: gpt-4o }
guardrails:
  classifier:
    type: openai_moderation
    api_key: \${MODERATION_API_KEY}
    base_url: \${UPSTREAM}/v1
    model: echo-401
  moderated:
    input:
      - { type: toxicity_check, threshold: 0.8, action: warn }
cache: { mode: exact }
spend:
  prices:
    gpt-4o: { input: 0.0000025, output: 0.00001 }
alerts:
  daily:
    type: budget
    threshold: 100
    period: daily
    scope: { api_key_id: tenant-a }
observability:
  tracing:
    exporter: otlp
    endpoint: \${COLLECTOR}
  metrics: { enabled: true }
`;

/** Everything a caller could see of one response: status, headers and the whole body (SSE included). */
const describeResponse = async (response: Response): Promise<string> =>
  `${response.status} ${JSON.stringify([...response.headers])}\n${await response.text()}`;

/**
 * Item 4 of issue #11: provider keys (in the configuration) and caller keys (gateway, admin, wrong, and a
 * provider key a caller tries to pass per request) sent through every path — JSON and SSE, each provider
 * wire format, upstream 401/500 answers and a stream error event that echo the key, fallbacks, embeddings —
 * never appear in a response, log line, metric, span, cache entry, ledger row, request log or admin answer.
 */
describe('canary keys through the HTTP server, real adapters, Redis, PostgreSQL and OTLP', () => {
  let upstream: LoopbackUpstream;
  let collector: SpanCollector;
  let redis: RunningRedis;
  let postgres: RunningPostgres;
  let redisConnection: StoreConnection<RedisCommandClient>;
  let sqlConnection: StoreConnection<SqlClient>;
  let s: TestServer;
  const responses: Array<string> = [];

  const send = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${CALLER_KEYS.tenantA}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const text = await describeResponse(response);
    responses.push(text);
    return { status: response.status, text };
  };
  const chat = (model: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    send(
      '/v1/chat/completions',
      { model, messages: [{ role: 'user', content: 'Hello' }], ...extra },
      headers,
    );
  const admin = async (path: string, key = CALLER_KEYS.admin) => {
    const response = await fetch(`${s.url}/v1/admin${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: response.status, text: await describeResponse(response) };
  };

  beforeAll(async () => {
    [upstream, collector, redis, postgres] = await Promise.all([
      startLoopbackUpstream(),
      startSpanCollector(),
      startRedis(),
      startPostgres(),
    ]);
    redisConnection = await connectRedis(redis.url, () => {});
    sqlConnection = await connectPostgres(postgres.url, () => {});
    const env = {
      UPSTREAM: upstream.url,
      COLLECTOR: collector.endpoint,
      OPENAI_API_KEY: PROVIDER_KEYS.openai,
      ANTHROPIC_API_KEY: PROVIDER_KEYS.anthropic,
      LOCAL_API_KEY: PROVIDER_KEYS.local,
      MODERATION_API_KEY: PROVIDER_KEYS.moderation,
      TENANT_A_KEY: CALLER_KEYS.tenantA,
      TENANT_B_KEY: CALLER_KEYS.tenantB,
      SWITCHYARD_ADMIN_KEY: CALLER_KEYS.admin,
    };
    s = await startTestServer({
      config: parseConfig(configYaml, { env }),
      env,
      storage: { redis: redisConnection, sql: sqlConnection },
    });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await Promise.allSettled([redisConnection?.close(), sqlConnection?.close()]);
    await Promise.allSettled([upstream?.close(), collector?.close(), redis?.stop(), postgres?.stop()]);
  }, 30_000);

  it('reaches each upstream only as that provider’s own credential', async () => {
    // Per-request provider keys are not a feature: none of these headers may reach a provider.
    const callerKeyHeaders = {
      'x-api-key': CALLER_KEYS.callerProvider,
      'api-key': CALLER_KEYS.callerProvider,
      'openai-api-key': CALLER_KEYS.callerProvider,
      'x-switchyard-api-key': CALLER_KEYS.callerProvider,
      'x-switchyard-provider-api-key': CALLER_KEYS.callerProvider,
      'x-switchyard-headers': JSON.stringify({ authorization: `Bearer ${CALLER_KEYS.callerProvider}` }),
    };
    expect((await chat('openai-primary/gpt-4o', {}, callerKeyHeaders)).status).toBe(200);
    expect(
      (await chat('openai-primary/gpt-4o', { stream: true, stream_options: { include_usage: true } })).status,
    ).toBe(200);
    expect((await chat('anthropic-primary/claude-sonnet-4', { max_tokens: 64 })).status).toBe(200);
    expect((await chat('local/llama-3', { stream: true })).status).toBe(200);
    expect(
      (await chat('openai-primary/gpt-4o', {}, { authorization: `Bearer ${CALLER_KEYS.tenantB}` })).status,
    ).toBe(200);
    // Upstream answers that repeat the key they were sent, in JSON and in a stream's first response.
    for (const provider of ['openai-primary', 'anthropic-primary', 'local']) {
      expect((await chat(`${provider}/echo-401`, { max_tokens: 64 })).status).toBe(401);
    }
    expect((await chat('openai-primary/echo-401', { stream: true })).status).toBe(401);
    expect((await chat('local/echo-500', {}, { 'x-switchyard-max-retries': '0' })).status).toBe(500);
    // A fallback that succeeds reports the failed attempt (with its error) in `switchyard.attempts`.
    const fallback = await chat('resilient');
    expect(fallback.status).toBe(200);
    expect(fallback.text).toContain('"attempts":[{"provider":"local"');
    // An error event inside a 200 stream.
    expect((await chat('local/echo-stream-error', { stream: true })).text).toContain('"error"');
    expect(
      (await send('/v1/embeddings', { model: 'openai-primary/text-embedding-3-small', input: 'hi' })).status,
    ).toBe(200);
    expect((await send('/v1/embeddings', { model: 'openai-primary/echo-401', input: 'hi' })).status).toBe(
      401,
    );
    // A guardrail whose moderation endpoint rejects (and echoes) its key.
    await chat('openai-primary/gpt-4o', {
      guardrails: ['moderated'],
      messages: [{ role: 'user', content: 'moderate me' }],
    });
    // Keys sent where they do not belong.
    expect(
      (await chat('openai-primary/gpt-4o', {}, { authorization: `Bearer ${CALLER_KEYS.wrong}` })).status,
    ).toBe(401);
    expect(
      (await chat('openai-primary/gpt-4o', {}, { authorization: `Bearer ${CALLER_KEYS.admin}` })).status,
    ).toBe(401);
    expect((await admin('/status', CALLER_KEYS.tenantA)).status).toBe(403);
    expect((await admin('/logs', CALLER_KEYS.wrong)).status).toBe(401);

    // The test proves something only if the keys really were sent, and echoed.
    const seen = upstream.requests.map((request) => JSON.stringify(request));
    expect(findCanaries(seen.join('\n'), PROVIDER_KEYS).sort()).toEqual([
      'anthropic',
      'local',
      'moderation',
      'openai',
    ]);
    for (const request of upstream.requests) {
      const credential = request.headers['x-api-key'] ?? request.headers.authorization;
      const configured = Object.values(PROVIDER_KEYS).flatMap((key) => [key, `Bearer ${key}`]);
      expect(configured).toContain(String(credential));
      expect(findCanaries(request.body, CANARIES)).toEqual([]);
      expect(findCanaries(JSON.stringify(request.headers), CALLER_KEYS)).toEqual([]);
    }
  }, 30_000);

  it('never reaches a caller: bodies, SSE events, error JSON and headers', () => {
    expect(responses.length).toBeGreaterThan(15);
    expect(responses.join('\n')).toContain('Incorrect API key provided');
    for (const response of responses) expect(findCanaries(response, CANARIES), response).toEqual([]);
  });

  it('never appears in the server log, /metrics or an admin answer', async () => {
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain('switchyard_requests_total');
    const answers = await Promise.all(
      [
        '/status',
        '/logs?limit=1000',
        '/logs?limit=1000&status=error',
        '/budgets',
        '/audit?limit=1000',
        '/cache/stats',
        ...['provider', 'model', 'route', 'status', 'cache', 'api_key_id'].map(
          (groupBy) => `/analytics/spend?start_date=2020-01-01&group_by=${groupBy}`,
        ),
      ].map(async (path) => {
        const answer = await admin(path);
        expect(answer.status, path).toBe(200);
        return answer.text;
      }),
    );
    expect(answers.join('\n')).toContain('Incorrect API key provided');
    expect(s.logs.lines.length).toBeGreaterThan(20);
    expect(findCanaries(s.logs.lines.join('\n'), CANARIES)).toEqual([]);
    expect(findCanaries(metrics, CANARIES)).toEqual([]);
    for (const answer of answers) expect(findCanaries(answer, CANARIES), answer).toEqual([]);
  });

  it('never appears in exported spans, Redis (cache, counters) or PostgreSQL (ledger, request logs), once shutdown flushed them', async () => {
    await s.close();
    const spans = collector.bodies.join('\n');
    const redisDump = await dumpRedis(redisConnection.client);
    const postgresDump = await dumpPostgres(sqlConnection.client);
    expect(spans).toContain('gen_ai');
    expect(redisDump).toContain('openai-wire says hi');
    expect(postgresDump).toContain('Incorrect API key provided');
    expect(findCanaries(spans, CANARIES)).toEqual([]);
    expect(findCanaries(redisDump, CANARIES)).toEqual([]);
    expect(findCanaries(postgresDump, CANARIES)).toEqual([]);
  }, 30_000);
});
