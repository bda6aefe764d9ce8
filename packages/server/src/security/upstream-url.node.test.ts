import { createGateway, type Gateway } from '@switchyard/core';
import { openai } from '@switchyard/providers/openai';
import { openaiCompatible } from '@switchyard/providers/openai-compatible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackUpstream, startLoopbackUpstream } from '../../test/helpers/loopback-upstream.js';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';
import { parseConfig } from '../index.js';

const KEY = 'sk-gw-0123456789abcdef0123';
const messages = [{ role: 'user', content: 'Hello' }];

/** Request bodies and headers that try to point the gateway at another upstream. */
const attempts = (evil: string) => {
  const url = `${evil}/v1`;
  const host = new URL(evil).host;
  const bodies: Array<Record<string, unknown>> = [
    ...['base_url', 'baseURL', 'baseUrl', 'api_base', 'custom_host', 'endpoint', 'url'].map((field) => ({
      model: 'openai-primary/gpt-4o',
      messages,
      [field]: url,
    })),
    {
      model: 'openai-primary/gpt-4o',
      messages,
      provider_options: { openai: { baseURL: url, base_url: url } },
    },
    { model: 'openai-primary/gpt-4o', messages, providerOptions: { openai: { baseURL: url } } },
    { model: 'openai-primary/gpt-4o', messages, extra_body: { base_url: url }, extra_headers: { host } },
    { model: 'gpt-4o', provider: 'openai-primary', messages, base_url: url },
    { config: { provider: 'openai', base_url: url, api_key: 'sk-attacker' }, model: 'gpt-4o', messages },
    { config: url, messages },
    { provider: url, model: 'gpt-4o', messages },
    { model: url, messages },
    { model: `${url}/chat/completions`, messages },
    { model: `openai-primary/${url}`, messages },
    { model: `local/${url}`, messages },
  ];
  const headers: Array<Record<string, string>> = [
    { 'x-portkey-custom-host': url, 'x-portkey-provider': 'openai' },
    { 'x-switchyard-base-url': url },
    { 'x-switchyard-provider-base-url': url },
    { 'x-switchyard-upstream': url },
    { 'x-switchyard-custom-host': url },
    { 'x-switchyard-route': url },
    { 'x-switchyard-config': JSON.stringify({ provider: 'openai', base_url: url }) },
    { 'x-switchyard-headers': JSON.stringify({ host }) },
    { 'x-forwarded-host': host, forwarded: `host=${host}` },
  ];
  return { bodies, headers };
};

/** Sends every attempt through `send`, as a chat completion and (for the bodies) as embeddings. */
const tryAll = async (
  evil: string,
  send: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>,
) => {
  const { bodies, headers } = attempts(evil);
  const statuses: Array<number> = [];
  for (const body of bodies) {
    statuses.push((await send('/chat/completions', body)).status);
    statuses.push((await send('/chat/completions', { ...body, stream: true })).status);
    statuses.push(
      (await send('/embeddings', { ...body, input: 'hi', model: body.model ?? 'openai-primary/x' })).status,
    );
  }
  for (const header of headers) {
    statuses.push(
      (await send('/chat/completions', { model: 'openai-primary/gpt-4o', messages }, header)).status,
    );
  }
  return statuses;
};

/**
 * Item 4 of issue #11: upstream URLs come from the configuration only. No body field, header, route or
 * model id a request can send makes the gateway call a second ("evil") loopback server.
 */
describe('the upstream URL cannot be set per request', () => {
  let legit: LoopbackUpstream;
  let evil: LoopbackUpstream;
  let s: TestServer;
  let inProcess: Gateway;

  beforeAll(async () => {
    [legit, evil] = await Promise.all([startLoopbackUpstream(), startLoopbackUpstream()]);
    const env = { UPSTREAM: legit.url, KEY };
    const config = parseConfig(
      `
server:
  api_keys: [{ key: "\${KEY}", id: team }]
providers:
  openai-primary: { type: openai, api_key: sk-legit-0123456789, base_url: "\${UPSTREAM}/v1" }
  local: { type: openai-compatible, base_url: "\${UPSTREAM}/v1" }
cache: { enabled: false }
`,
      { env },
    );
    s = await startTestServer({ config, env });
    inProcess = createGateway({
      providers: {
        'openai-primary': openai({ apiKey: 'sk-legit-0123456789', baseURL: `${legit.url}/v1` }),
        local: openaiCompatible({ name: 'local', baseURL: `${legit.url}/v1` }),
      },
      maxRetries: 0,
    });
  });
  afterAll(async () => {
    await s?.close();
    await Promise.all([legit?.close(), evil?.close()]);
  });

  it('over HTTP: the server refuses or ignores every attempt', async () => {
    const before = legit.requests.length;
    const statuses = await tryAll(evil.url, (path, body, headers = {}) =>
      fetch(`${s.url}/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
    const models = await fetch(`${s.url}/v1/models?base_url=${encodeURIComponent(evil.url)}`, {
      headers: { authorization: `Bearer ${KEY}`, 'x-switchyard-base-url': evil.url },
    });
    expect(models.status).toBe(200);
    // Many attempts were served (by the configured upstream) and some refused (400): none reached `evil`.
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
    expect(legit.requests.length).toBeGreaterThan(before);
    expect(evil.requests).toHaveLength(0);
    for (const request of legit.requests) expect(request.headers.host).toBe(new URL(legit.url).host);
  }, 30_000);

  it('in process: gateway.fetch and chat.completions.create ignore them too', async () => {
    const statuses = await tryAll(evil.url, (path, body, headers = {}) =>
      inProcess.fetch(`http://switchyard.local/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
    expect(statuses).toContain(200);
    const body: Record<string, unknown> = { base_url: `${evil.url}/v1`, baseURL: `${evil.url}/v1` };
    const completion = await inProcess.chat.completions.create(
      { model: 'openai-primary/gpt-4o', messages: [{ role: 'user', content: 'Hello' }], ...body },
      { headers: { 'x-portkey-custom-host': `${evil.url}/v1` } },
    );
    expect(completion.switchyard.provider).toBe('openai-primary');
    expect(evil.requests).toHaveLength(0);
  }, 30_000);

  it('(control) the second server does record a call made to it', async () => {
    const pointedAtEvil = createGateway({
      providers: { evil: openai({ apiKey: 'sk-x-0123456789', baseURL: `${evil.url}/v1` }) },
    });
    await pointedAtEvil.chat.completions.create({
      model: 'evil/gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(evil.requests).toHaveLength(1);
  });
});
