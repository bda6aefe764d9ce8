import { createServer, type Server } from 'node:http';
import { safeParseJson } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { parseConfig } from '../index.js';

const ADMIN = 'admin-0123456789abcdef';

/** A loopback OTLP/HTTP collector that keeps the span names it receives. */
const startCollector = async () => {
  const spans: Array<string> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const parsed = safeParseJson(body);
      const text = parsed.success ? JSON.stringify(parsed.value) : '';
      for (const match of text.matchAll(/"name":"(chat[^"]*)"/g))
        if (match[1] !== undefined) spans.push(match[1]);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    spans,
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('prompts: and observability: sections', () => {
  let s: TestServer;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const admin = (path: string, body?: unknown) =>
    fetch(`${s.url}/v1/admin${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    collector = await startCollector();
    const config = parseConfig(`
providers:
  mock:
    type: mock
    reply: Billing
gateway:
  default_route: any
strategies:
  any:
    type: single
    target: { provider: mock }
prompts:
  templates:
    customer-support-classifier:
      version: 1.2.0
      model: mock/classifier
      prompt:
        - role: system
          content: "You are a support ticket classifier. Categorize the ticket into: Billing, Technical, Feature Request, or Complaint."
        - role: user
          content: "Ticket: {{ticket_content}}"
      parameters: { temperature: 0.2, max_tokens: 50 }
      labels: [production]
observability:
  tracing: { enabled: true, exporter: otlp, endpoint: "${collector.endpoint}" }
  metrics: { enabled: true, exporter: prometheus }
  logs: { max_records: 100 }
`);
    s = await startTestServer({ config, env: { SWITCHYARD_ADMIN_KEY: ADMIN } });
  });
  afterAll(async () => {
    await s.close();
    await collector.close();
  });

  it("deploys the templates of the config at startup, and serves list/deploy/render (the article's prompts API)", async () => {
    expect(await (await admin('/prompts')).json()).toMatchObject({
      object: 'list',
      data: [{ name: 'customer-support-classifier', versions: ['1.2.0'], labels: { production: '1.2.0' } }],
    });
    const deployed = await admin('/prompts', {
      name: 'customer-support-classifier',
      version: '1.3.0-beta',
      prompt: [{ role: 'user', content: 'Classify: {{ticket_content}}' }],
      model: 'mock/classifier-beta',
      parameters: { temperature: 0 },
    });
    expect(deployed.status).toBe(200);
    expect(await deployed.json()).toMatchObject({
      name: 'customer-support-classifier',
      version: '1.3.0-beta',
    });

    const rendered = await admin('/prompts/customer-support-classifier/render', {
      variables: { ticket_content: 'I was charged twice for my subscription this month.' },
    });
    expect(await rendered.json()).toMatchObject({
      choices: [{ message: { content: 'Billing' } }],
      switchyard: { prompt: { name: 'customer-support-classifier', version: '1.2.0' } },
    });
    const dry = await admin('/prompts/customer-support-classifier/render', {
      version: '1.3.0-beta',
      variables: { ticket_content: 'App crashes' },
      execute: false,
    });
    expect(await dry.json()).toMatchObject({
      body: {
        model: 'mock/classifier-beta',
        messages: [{ role: 'user', content: 'Classify: App crashes' }],
        temperature: 0,
      },
    });
    const bad = await admin('/prompts', { name: 'x', version: '1.0.0', model: 'm' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { message: expect.stringContaining('exactly one of `messages` or `prompt`') },
    });
  });

  it('chat requests name a prompt as the model, with variables in `prompt_variables`', async () => {
    const response = await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({
        model: 'prompt:customer-support-classifier@production',
        messages: [{ role: 'user', content: 'ignored by the template' }],
        prompt_variables: { ticket_content: 'Refund please' },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ choices: [{ message: { content: 'Billing' } }] });
  });

  it('request logs come from telemetry, and /metrics adds its gateway metrics', async () => {
    const logs = await (await admin('/logs?limit=10')).json();
    expect(logs).toMatchObject({
      object: 'list',
      data: expect.arrayContaining([expect.objectContaining({ status: 'success' })]),
    });
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_requests_total\{[^}]*provider="mock"/);
    expect(metrics).toContain('switchyard_http_requests_total');
  });

  it('exports spans over OTLP/HTTP to the configured endpoint (flushed on shutdown)', async () => {
    await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'trace me' }] }),
    });
    await s.close();
    expect(collector.spans).toEqual(expect.arrayContaining([expect.stringMatching(/^chat /)]));
  });
});
