import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeUpstream, upstreamError } from '../../test/helpers/fake-upstream.js';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { loadConfig } from '../index.js';

const GATEWAY_API_KEY = 'pk-gateway-0123456789abcdef';
const ADMIN_KEY = 'admin-0123456789abcdef';
const env = {
  OPENAI_API_KEY: 'sk-openai-primary',
  OPENAI_ORG_ID: 'org-123',
  OPENAI_BACKUP_API_KEY: 'sk-openai-backup',
  ANTHROPIC_API_KEY: 'sk-ant-primary',
  AZURE_API_KEY: 'azure-key',
  AZURE_RESOURCE_NAME: 'contoso',
  GOOGLE_API_KEY: 'google-key',
  MISTRAL_API_KEY: 'mistral-key',
  SWITCHYARD_API_KEYS: GATEWAY_API_KEY,
  SWITCHYARD_ADMIN_KEY: ADMIN_KEY,
};

/**
 * The reference article's curl requests, against a server built from the article's YAML (every example
 * file, unchanged). Provider calls go to a fake that answers in OpenAI's, Azure's and Anthropic's wire formats.
 */
describe("the reference article's requests", () => {
  let s: TestServer;
  const upstream = fakeUpstream();
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${GATEWAY_API_KEY}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${s.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    const config = await loadConfig(fileURLToPath(new URL('../__fixtures__/article/', import.meta.url)), {
      env,
    });
    s = await startTestServer({ config, env, fetch: upstream.fetch }, { metricsPort: 0 });
  });
  afterAll(() => s.close());

  it('Basic Chat Completion Request: `model` + `provider` reach OpenAI with its key and organization', async () => {
    const response = await post({
      model: 'gpt-4o',
      provider: 'openai-primary',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Explain quantum computing in simple terms.' },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { content: 'openai says hi (gpt-4o)' } }],
      usage: { prompt_tokens: 1000, completion_tokens: 100, estimated_cost: expect.any(Number) },
    });
    const call = upstream.calls.at(-1);
    expect(call?.url.href).toBe('https://api.openai.com/v1/chat/completions');
    expect(call?.headers.get('authorization')).toBe('Bearer sk-openai-primary');
    expect(call?.headers.get('openai-organization')).toBe('org-123');
    expect(call?.body).not.toHaveProperty('provider');
  });

  it('Switching Providers Instantly: the same request shape reaches Anthropic', async () => {
    const response = await post({
      model: 'claude-sonnet-4',
      provider: 'anthropic-primary',
      messages: [{ role: 'user', content: 'Explain quantum computing in simple terms.' }],
      max_tokens: 1024,
    });
    expect(await response.json()).toMatchObject({
      choices: [{ message: { content: 'anthropic says hi (claude-sonnet-4)' } }],
    });
    const call = upstream.calls.at(-1);
    expect(call?.url.href).toBe('https://api.anthropic.com/v1/messages');
    expect(call?.body).toMatchObject({ model: 'claude-sonnet-4', max_tokens: 1024 });
  });

  it('Priority-Based Fallback Routing: `config: production-fallback` starts with the Azure deployment', async () => {
    const response = await post({
      config: 'production-fallback',
      messages: [{ role: 'user', content: 'Critical business query here' }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-route')).toBe('production-fallback');
    expect(response.headers.get('x-switchyard-provider')).toBe('azure-gpt4');
    const call = upstream.calls.at(-1);
    expect(call?.url.origin).toBe('https://contoso.openai.azure.com');
    expect(call?.url.pathname).toBe('/openai/deployments/gpt-4/chat/completions');
    expect(call?.url.searchParams.get('api-version')).toBe('2025-12-01');
    expect(call?.headers.get('api-key')).toBe('azure-key');
  });

  it('…and when Azure keeps failing (retry: 2), falls back to openai-primary', async () => {
    upstream.setReply((call) =>
      call.url.hostname.endsWith('.openai.azure.com')
        ? upstreamError(429, 'busy', { 'retry-after-ms': '1' })
        : undefined,
    );
    const before = upstream.calls.length;
    const response = await post({
      config: 'production-fallback',
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Critical business query here' }],
    });
    upstream.setReply(undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-provider')).toBe('openai-primary');
    expect(response.headers.get('x-switchyard-attempts')).toBe('4');
    expect(upstream.calls.slice(before).map((call) => call.url.hostname)).toEqual([
      'contoso.openai.azure.com',
      'contoso.openai.azure.com',
      'contoso.openai.azure.com',
      'api.openai.com',
    ]);
  });

  it('Round-Robin Load Balancing: `config: gpt4-pool` spreads requests 1:1:1', async () => {
    const providers: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const response = await post({
        config: 'gpt4-pool',
        model: 'gpt-4o',
        messages: [{ role: 'user', content: `Hello! ${i}` }],
      });
      providers.push(response.headers.get('x-switchyard-provider'));
    }
    expect(providers.sort()).toEqual(['azure-gpt4', 'openai-backup', 'openai-primary']);
  });

  it('Conditional Routing: long prompts to Anthropic, the code assistant to GPT-4o, the rest to the default', async () => {
    // The same messages every time: the cache is on, and keys on the target the rule picks.
    const route = async (body: Record<string, unknown>) => {
      const response = await post({
        config: 'smart-router',
        messages: [{ role: 'user', content: 'route me' }],
        ...body,
      });
      const { choices } = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      return [
        `${response.headers.get('x-switchyard-provider')}/${response.headers.get('x-switchyard-model')}`,
        response.headers.get('x-switchyard-cache'),
        choices[0]?.message.content,
      ];
    };
    expect(await route({ messages: [{ role: 'user', content: 'x'.repeat(4001) }] })).toEqual([
      'anthropic-primary/claude-sonnet-4',
      'miss',
      'anthropic says hi (claude-sonnet-4)',
    ]);
    const before = upstream.calls.length;
    expect(await route({ user: 'code-assistant' })).toEqual([
      'openai-primary/gpt-4o',
      'miss',
      'openai says hi (gpt-4o)',
    ]);
    // Another user asking the same thing is routed elsewhere, and never gets GPT-4o's cached answer.
    expect(await route({ user: 'someone-else' })).toEqual([
      'azure-gpt4/gpt-4o-mini',
      'miss',
      'azure says hi (/openai/deployments/gpt-4/chat/completions)',
    ]);
    expect(await route({ user: 'code-assistant' })).toEqual([
      'openai-primary/gpt-4o',
      'hit',
      'openai says hi (gpt-4o)',
    ]);
    expect(await route({ user: 'yet-another' })).toEqual([
      'azure-gpt4/gpt-4o-mini',
      'hit',
      'azure says hi (/openai/deployments/gpt-4/chat/completions)',
    ]);
    expect(upstream.calls.slice(before).map((call) => call.url.hostname)).toEqual([
      'api.openai.com',
      'contoso.openai.azure.com',
    ]);
  });

  it('Request Caching: the second identical request is a hit (exact mode: no embedding model configured)', async () => {
    const body = {
      model: 'gpt-4o',
      provider: 'openai-primary',
      messages: [{ role: 'user', content: 'What is Kubernetes?' }],
    };
    const before = upstream.calls.length;
    expect((await post(body)).headers.get('x-switchyard-cache')).toBe('miss');
    expect((await post(body)).headers.get('x-switchyard-cache')).toBe('hit');
    expect(upstream.calls.length - before).toBe(1);
    expect(s.app.switchyard.warnings).toContainEqual(
      expect.stringContaining("cache.mode: 'semantic' needs cache.embedding_model"),
    );
  });

  it('Cache Statistics and Invalidation: the admin curls', async () => {
    expect(await (await admin('/v1/admin/cache/stats')).json()).toMatchObject({
      hits: 3, // two in Conditional Routing, one in Request Caching
      entries: expect.any(Number),
    });
    const invalidated = await admin('/v1/admin/cache/invalidate', {
      method: 'POST',
      body: JSON.stringify({ pattern: 'kubernetes', provider: 'openai-primary' }),
    });
    expect(await invalidated.json()).toEqual({ object: 'cache.invalidation', invalidated: 1 });
  });

  it('Querying Spend Analytics: by provider and by user_id', async () => {
    await post(
      {
        model: 'gpt-4o',
        provider: 'openai-primary',
        messages: [{ role: 'user', content: 'Help with my order' }],
      },
      { 'x-switchyard-metadata': JSON.stringify({ user_id: 'user-12345', project: 'customer-support-bot' }) },
    );
    const today = new Date().toISOString().slice(0, 10);
    const byProvider = await (
      await admin(`/v1/admin/analytics/spend?start_date=2026-05-01&end_date=${today}&group_by=provider`)
    ).json();
    expect(byProvider).toMatchObject({
      groupBy: 'provider',
      currency: 'USD',
      totals: { cost: expect.any(Number) },
      groups: expect.arrayContaining(
        ['openai-primary', 'anthropic-primary', 'azure-gpt4'].map((key) => expect.objectContaining({ key })),
      ),
    });
    expect(byProvider).not.toMatchObject({ totals: { cost: 0 } });
    const byUser = await (
      await admin(`/v1/admin/analytics/spend?start_date=2026-05-01&end_date=${today}&group_by=user_id`)
    ).json();
    expect(byUser).toMatchObject({
      groups: expect.arrayContaining([expect.objectContaining({ key: 'user-12345', requests: 1 })]),
    });
  });

  it('Request Logging: `/v1/admin/logs?limit=100&status=error`', async () => {
    upstream.setReply(() => upstreamError(400, 'bad request upstream'));
    expect(
      (
        await post({
          model: 'gpt-4o',
          provider: 'openai-primary',
          messages: [{ role: 'user', content: 'fails' }],
        })
      ).status,
    ).toBe(400);
    upstream.setReply(undefined);
    const logs = await (await admin('/v1/admin/logs?limit=100&status=error')).json();
    // With `observability:` the log comes from @switchyard/telemetry (one redacted record per request).
    expect(logs).toMatchObject({
      object: 'list',
      data: [
        {
          status: 'error',
          statusCode: 400,
          route: 'openai-primary/gpt-4o',
          error: { message: expect.stringContaining('bad request upstream') },
        },
      ],
    });
  });

  it("Configuring Guardrails: sets selected per request, as the article's client does", async () => {
    const before = upstream.calls.length;
    const blocked = await post({
      model: 'gpt-4o',
      provider: 'openai-primary',
      messages: [{ role: 'user', content: 'my password is hunter2' }],
      guardrails: ['input-validation', 'output-validation'],
    });
    expect(blocked.status).toBe(400);
    expect(await blocked.json()).toMatchObject({
      error: { type: 'guardrail_violation', code: 'keyword_filter' },
    });
    expect(upstream.calls.length).toBe(before);

    const masked = await post({
      model: 'gpt-4o',
      provider: 'openai-primary',
      messages: [{ role: 'user', content: 'Mail jane.doe@example.com about the order' }],
      guardrails: ['input-validation'],
    });
    expect(masked.status).toBe(200);
    const sent = JSON.stringify(
      upstream.calls.filter((call) => call.url.pathname.endsWith('/chat/completions')).at(-1)?.body,
    );
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).not.toContain('jane.doe@example.com');
    expect(sent).not.toContain('guardrails');

    const toxic = await post(
      {
        model: 'gpt-4o',
        provider: 'openai-primary',
        messages: [{ role: 'user', content: 'a hateful rant' }],
      },
      { 'x-switchyard-guardrails': 'input-validation' },
    );
    expect(toxic.status).toBe(400);
    expect(await toxic.json()).toMatchObject({
      error: { type: 'guardrail_violation', code: 'toxicity_check' },
    });
    expect(upstream.calls.at(-1)?.url.href).toBe('https://api.openai.com/v1/moderations');

    const notJson = await post(
      {
        model: 'gpt-4o',
        provider: 'openai-primary',
        messages: [{ role: 'user', content: 'answer in prose' }],
      },
      { 'x-switchyard-guardrails': 'output-validation' },
    );
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      error: { type: 'guardrail_violation', code: 'response_format' },
    });

    const unknown = await post({
      model: 'gpt-4o',
      provider: 'openai-primary',
      messages: [{ role: 'user', content: 'x' }],
      guardrails: ['nope'],
    });
    expect(unknown.status).toBe(400);
    expect(await (await admin('/v1/admin/guardrails/stats')).json()).toMatchObject({
      object: 'guardrails.stats',
    });
  });

  it('Health Checks and Prometheus metrics (on `observability.metrics.port`, not the API port)', async () => {
    expect(await (await fetch(`${s.url}/health`)).json()).toEqual({
      status: 'healthy',
      version: '0.1.0',
      uptime: expect.any(Number),
    });
    expect((await fetch(`${s.url}/ready`)).status).toBe(200);
    expect((await fetch(`${s.url}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${s.server.metricsPort}/metrics`);
    expect(await metrics.text()).toMatch(
      /switchyard_http_requests_total\{method="POST",endpoint="\/v1\/chat\/completions",status="200"\} \d+/,
    );
  });

  it('refuses the gateway key on admin routes (the article uses one key for both; Switchyard separates them)', async () => {
    const response = await fetch(`${s.url}/v1/admin/cache/stats`, {
      headers: { authorization: `Bearer ${GATEWAY_API_KEY}` },
    });
    expect(response.status).toBe(403);
  });
});
