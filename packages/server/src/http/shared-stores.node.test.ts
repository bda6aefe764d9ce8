import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../../../test-support/postgres-server.js';
import { type RunningRedis, startRedis } from '../../../../test-support/redis-server.js';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { parseConfig } from '../index.js';

const TEAM = 'sk-team-0123456789abcdef';
const LIMITED = 'sk-limited-0123456789abcdef';
const OTHER = 'sk-other-0123456789abcdef';
const ADMIN = 'admin-0123456789abcdef';

const configYaml = `
storage:
  redis_url: \${REDIS_URL}
  database_url: \${DATABASE_URL}
server:
  api_keys:
    - key: \${TEAM_KEY}
      id: team
    - key: \${OTHER_KEY}
      id: other
    - key: \${LIMITED_KEY}
      id: limited
      rate_limit: { requests_per_minute: 2 }
providers:
  mock:
    type: mock
    reply: Kubernetes orchestrates containers.
cache:
  mode: exact
observability:
  logs: { store: postgres }
  metrics: { enabled: false }
spend:
  prices:
    pricey: { input: 0.01, output: 0.01 }
alerts:
  team-cap:
    type: budget
    threshold: 1
    period: daily
    mode: hard
    scope: { api_key_id: team }
`;

/** Two replicas (two servers, each with its own connections) sharing one Redis and one PostgreSQL. */
describe('two server instances sharing Redis and PostgreSQL', () => {
  let redis: RunningRedis;
  let postgres: RunningPostgres;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: postgres.url,
      TEAM_KEY: TEAM,
      LIMITED_KEY: LIMITED,
      OTHER_KEY: OTHER,
      SWITCHYARD_ADMIN_KEY: ADMIN,
    };
    const config = parseConfig(configYaml, { env });
    [a, b] = await Promise.all([startTestServer({ config, env }), startTestServer({ config, env })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([redis?.stop(), postgres?.stop()]);
  }, 30_000);

  const chat = (server: TestServer, key: string, model: string, content: string) =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
    });

  it('both are ready only while their stores answer', async () => {
    expect((await fetch(`${a.url}/ready`)).status).toBe(200);
    expect((await fetch(`${b.url}/ready`)).status).toBe(200);
  });

  it('an answer cached by one instance is a hit on the other', async () => {
    const first = await chat(a, LIMITED, 'mock/m', 'What is Kubernetes?');
    expect(first.headers.get('x-switchyard-cache')).toBe('miss');
    const second = await chat(b, LIMITED, 'mock/m', 'What is Kubernetes?');
    expect(second.headers.get('x-switchyard-cache')).toBe('hit');
    expect(await second.json()).toMatchObject({
      choices: [{ message: { content: 'Kubernetes orchestrates containers.' } }],
    });
  });

  it('one rate limit per key across instances', async () => {
    // LIMITED has used its 2 requests per minute, one on each instance.
    const third = await chat(a, LIMITED, 'mock/m', 'one more');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('one budget: spend on one instance blocks the key on the other', async () => {
    const spent = await chat(a, TEAM, 'mock/pricey', 'x'.repeat(800));
    expect(spent.status).toBe(200);
    expect(await spent.json()).toMatchObject({ usage: { estimated_cost: expect.any(Number) } });
    let blocked: Response | undefined;
    for (let i = 0; i < 50 && blocked?.status !== 429; i++) {
      blocked = await chat(b, TEAM, 'mock/pricey', `again ${i}`);
      if (blocked.status !== 429) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(blocked?.status).toBe(429);
    expect(await blocked?.json()).toMatchObject({ error: { code: 'budget_exceeded' } });
  });

  it('one log store: requests served by either instance are in each one’s logs and spend report', async () => {
    const logsOf = async (server: TestServer): Promise<Array<string>> => {
      const response = await fetch(`${server.url}/v1/admin/logs?limit=100`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      const body: { data: Array<{ traceId: string }> } = await response.json();
      return body.data.map((entry) => entry.traceId);
    };
    const traced = await chat(a, OTHER, 'mock/m', 'traced on a');
    expect(traced.status).toBe(200);
    const traceId = traced.headers.get('x-switchyard-trace-id');
    let seen: Array<string> = [];
    for (let i = 0; i < 50 && traceId !== null && !seen.includes(traceId); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await logsOf(b);
    }
    expect(seen).toContain(traceId);
    const today = new Date().toISOString().slice(0, 10);
    const report = await (
      await fetch(`${b.url}/v1/admin/analytics/spend?start_date=${today}&group_by=api_key_id`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      })
    ).json();
    expect(report).toMatchObject({
      groups: expect.arrayContaining(
        ['limited', 'other', 'team'].map((key) => expect.objectContaining({ key })),
      ),
    });
  }, 15_000);

  it('reports not ready when a store goes away', async () => {
    await redis.stop();
    const ready = await fetch(`${a.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not_ready',
      reason: expect.stringContaining('redis unreachable'),
    });
    expect((await fetch(`${a.url}/health`)).status).toBe(200);
  });

  it('keeps serving while Redis is down: cache misses, the rate limiter lets requests through', async () => {
    const started = Date.now();
    const response = await chat(a, LIMITED, 'mock/m', 'while redis is down');
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(a.logs.find('rate limiter unavailable; request allowed').length).toBeGreaterThan(0);
  }, 15_000);
});
