import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackUpstream, startLoopbackUpstream } from '../../test/helpers/loopback-upstream.js';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { parseConfig } from '../index.js';

const TENANT_A = 'sk-gw-tenant-a-0123456789abcdef';
const TENANT_B = 'sk-gw-tenant-b-0123456789abcdef';
const ADMIN = 'admin-0123456789abcdef0123';

interface LogRecord {
  traceId: string;
  metadata: Record<string, string>;
}

/**
 * Item 4 of issue #11, tenant isolation: two gateway keys (tenants) on one server share neither cached
 * answers nor request logs, whatever metadata a caller claims.
 */
describe('tenant isolation', () => {
  let upstream: LoopbackUpstream;
  let s: TestServer;

  const ask = async (key: string, content: string, headers: Record<string, string> = {}, stream = false) => {
    const response = await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model: 'openai-primary/gpt-4o', stream, messages: [{ role: 'user', content }] }),
    });
    const text = await response.text();
    return {
      cache: response.headers.get('x-switchyard-cache'),
      traceId: response.headers.get('x-switchyard-trace-id'),
      // The upstream numbers its answers, so the number says which call produced (and cached) one.
      answer: /#\d+/.exec(text)?.[0],
    };
  };
  const admin = (path: string, init: RequestInit = {}, key = ADMIN) =>
    fetch(`${s.url}/v1/admin${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    });
  const spoofing = (tenant: string) => ({
    'x-switchyard-metadata': JSON.stringify({ api_key_id: tenant, tenant }),
  });

  beforeAll(async () => {
    upstream = await startLoopbackUpstream();
    const env = { UPSTREAM: upstream.url, TENANT_A, TENANT_B, SWITCHYARD_ADMIN_KEY: ADMIN };
    const config = parseConfig(
      `
server:
  api_keys:
    - { key: "\${TENANT_A}", id: tenant-a }
    - { key: "\${TENANT_B}", id: tenant-b }
providers:
  openai-primary: { type: openai, api_key: sk-upstream-0123456789, base_url: "\${UPSTREAM}/v1" }
cache: { mode: exact }
observability:
  logs: { max_records: 1000 }
`,
      { env },
    );
    s = await startTestServer({ config, env });
  });
  afterAll(async () => {
    await s?.close();
    await upstream?.close();
  });

  it("never serves one tenant's cached answer to another, even one claiming its api_key_id", async () => {
    const a = await ask(TENANT_A, 'What is our revenue?');
    const b = await ask(TENANT_B, 'What is our revenue?');
    expect([a.cache, b.cache]).toEqual(['miss', 'miss']);
    expect(a.answer).not.toBe(b.answer);
    expect(await ask(TENANT_A, 'What is our revenue?')).toMatchObject({ cache: 'hit', answer: a.answer });
    // The key's identity wins over the caller's metadata: B stays in B's namespace.
    expect(await ask(TENANT_B, 'What is our revenue?', spoofing('tenant-a'))).toMatchObject({
      cache: 'hit',
      answer: b.answer,
    });
    expect(await ask(TENANT_B, 'What is our revenue?', {}, true)).toMatchObject({
      cache: 'hit',
      answer: b.answer,
    });
    // A tenant B never asked before is a miss for B, though A has it cached.
    await ask(TENANT_A, 'Only A asked this');
    expect(await ask(TENANT_B, 'Only A asked this', spoofing('tenant-a'))).toMatchObject({ cache: 'miss' });
  });

  it("invalidating one tenant's namespace leaves the other's entries", async () => {
    await ask(TENANT_A, 'Invalidate me');
    await ask(TENANT_B, 'Invalidate me');
    const invalidated = await admin('/cache/invalidate', {
      method: 'POST',
      body: JSON.stringify({ namespace: 'tenant-a', pattern: 'invalidate me' }),
    });
    expect(await invalidated.json()).toEqual({ object: 'cache.invalidation', invalidated: 1 });
    expect((await ask(TENANT_A, 'Invalidate me')).cache).toBe('miss');
    expect((await ask(TENANT_B, 'Invalidate me')).cache).toBe('hit');
  });

  it('keeps request logs away from tenants, and attributes each record to the key that made it', async () => {
    for (const key of [TENANT_A, TENANT_B]) {
      const refused = await admin('/logs?limit=1000', {}, key);
      expect(refused.status).toBe(403);
      const body = await refused.text();
      expect(body).not.toContain('traceId');
    }
    const claimed = await ask(TENANT_B, 'B pretending to be A', spoofing('tenant-a'));
    const { data }: { data: Array<LogRecord> } = await (await admin('/logs?limit=1000')).json();
    const record = data.find((entry) => entry.traceId === claimed.traceId);
    expect(record?.metadata).toMatchObject({ api_key_id: 'tenant-b', tenant: 'tenant-a' });
    expect(new Set(data.map((entry) => entry.metadata.api_key_id))).toEqual(
      new Set(['tenant-a', 'tenant-b']),
    );
    const report: { groups: Array<{ key: string }> } = await (
      await admin('/analytics/spend?start_date=2020-01-01&group_by=api_key_id')
    ).json();
    expect(report.groups.map((group) => group.key).sort()).toEqual(['tenant-a', 'tenant-b']);
  });
});
