/**
 * docs/server.md — the HTTP server from a YAML configuration, on mock providers: gateway keys, the
 * official `openai` client over HTTP, the admin API and health endpoints. Listens on a free loopback port.
 *   node --conditions=@switchyard/source --import tsx docs/examples/server.ts
 */
import assert from 'node:assert/strict';
import { createJsonLogger, createServer, parseConfig, startServer } from '@switchyard/server';
import OpenAI from 'openai';

const yaml = `
server:
  api_keys:
    - key: \${TEAM_SEARCH_KEY}
      id: team-search
      metadata: { team: search }
providers:
  # type: mock answers without a network; use type: openai, anthropic, azure-openai, … in production.
  azure-gpt4: { type: mock, reply: Answered by azure-gpt4. }
  openai-primary: { type: mock, reply: Answered by openai-primary. }
strategies:
  production-fallback:
    type: fallback
    targets:
      - { provider: azure-gpt4, model: gpt-4o, timeout: 10, retry: 2 }
      - { provider: openai-primary, model: gpt-4o, timeout: 15 }
cache: { enabled: true, mode: exact, ttl: 3600, max_size: 10000 }
alerts:
  daily-budget: { type: budget, threshold: 500, period: daily }
observability:
  logs: { enabled: true }
  metrics: { enabled: true }
`;
// Secrets come from the environment; a \${VAR} that is not set is a ConfigError naming it.
const env = {
  TEAM_SEARCH_KEY: 'team-search-key-0123456789',
  SWITCHYARD_ADMIN_KEY: 'admin-key-0123456789abcdef',
};

const config = parseConfig(yaml, { env }); // loadConfig('switchyard.yaml') reads a file or a directory
const app = createServer({ config, env, logger: createJsonLogger({ level: 'warn' }) });
const server = await startServer(app, { port: 0, host: '127.0.0.1' }); // port 0: any free port
await app.switchyard.ready;

// The official SDK, pointed at the server: the remote drop-in.
const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: env.TEAM_SEARCH_KEY });
const completion = await client.chat.completions.create({
  model: 'production-fallback',
  messages: [{ role: 'user', content: 'Hello' }],
});
console.log(completion.choices[0]?.message.content); // Answered by azure-gpt4.

// A wrong key is OpenAI's error JSON, so the SDK raises its usual class.
const stranger = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'not-a-key', maxRetries: 0 });
await assert.rejects(stranger.models.list(), OpenAI.AuthenticationError);

const admin = { authorization: `Bearer ${env.SWITCHYARD_ADMIN_KEY}` };
const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: await response.text() };
};
console.log(await get('/health')); // 200 {"status":"healthy","version":…,"uptime":…}
console.log(await get('/ready')); // 200 {"status":"ready"}
const spend = await get(
  '/v1/admin/analytics/spend?start_date=2026-01-01&end_date=2099-12-31&group_by=team',
  admin,
);
console.log(spend.body); // the request is attributed to the key's metadata: team=search
assert.match(spend.body, /"key":"search"/);
assert.equal(
  (await get('/v1/admin/cache/stats', { authorization: `Bearer ${env.TEAM_SEARCH_KEY}` })).status,
  403,
);
assert.match((await get('/metrics')).body, /switchyard_http_requests_total/);

await server.close({ timeoutMs: 5_000 }); // graceful: drain, flush ledger and logs, close stores
