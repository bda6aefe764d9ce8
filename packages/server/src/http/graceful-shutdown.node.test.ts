import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../../test-support/free-port.js';
import { captureLogs } from '../../test/helpers/capture-logs.js';
import { startTestServer } from '../../test/helpers/start-test-server.js';
import { createServer, parseConfig } from '../index.js';

const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`).join(' ');

const mockConfig = (reply: string, chunkDelayMs: number) =>
  parseConfig(`
providers:
  mock:
    type: mock
    reply: "${reply}"
    chunk_delay_ms: ${chunkDelayMs}
`);

/** A request on a fresh connection, so it cannot reuse a kept-alive socket. */
const freshRequest = async (url: string): Promise<number | 'refused'> => {
  try {
    const response = await fetch(url, { headers: { connection: 'close' } });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 'refused';
  }
};

describe('graceful shutdown', () => {
  it('finishes a stream that is in flight, while refusing new requests', async () => {
    const reply = words(20);
    const s = await startTestServer({ config: mockConfig(reply, 40) });
    const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'mock/m',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const iterator = stream[Symbol.asyncIterator]();
    let text = (await iterator.next()).value?.choices[0]?.delta.content ?? '';

    const closing = s.server.close({ timeoutMs: 10_000 });
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.app.switchyard.state).toBe('draining');
    expect(await freshRequest(`${s.url}/ready`)).toBe('refused');

    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      text += next.value.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe(reply);
    await closing;
    expect(closed).toBe(true);
    expect(s.app.switchyard.state).toBe('stopped');
    expect(s.logs.find('shutdown: complete')).toEqual([expect.objectContaining({ drained: true })]);
    expect(s.logs.find('request').at(-1)).toMatchObject({ stream: 'completed', status: 200 });
  });

  it('answers 503 on kept-alive connections while draining', async () => {
    const s = await startTestServer({ config: mockConfig(words(10), 50) });
    const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'mock/m',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const closing = s.server.close({ timeoutMs: 10_000 });
    const refused = await s.app.request('/v1/models');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(await refused.json()).toMatchObject({ error: { code: 'server_shutting_down' } });
    for await (const _chunk of stream) {
      // drain
    }
    await closing;
  });

  it('aborts streams still open at the deadline, then stops', async () => {
    const s = await startTestServer({ config: mockConfig(words(200), 100) });
    const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'mock/m',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const started = Date.now();
    const closing = s.server.close({ timeoutMs: 300 });
    const outcome = await (async () => {
      let chunks = 0;
      for await (const _chunk of stream) chunks++;
      return chunks;
    })().then(
      (chunks) => `ended after ${chunks} chunks`,
      (error: unknown) => `failed: ${error instanceof OpenAI.APIError ? error.message : String(error)}`,
    );
    await closing;
    expect(Date.now() - started).toBeLessThan(3000);
    // The client's SDK raises the final SSE error event.
    expect(outcome).toBe('failed: The server is shutting down; retry on another instance.');
    expect(s.logs.find('request').at(-1)).toMatchObject({ stream: 'errored' });
    expect(s.logs.find('shutdown: deadline reached, aborting in-flight requests')).toHaveLength(1);
    expect(s.logs.find('shutdown: complete')).toEqual([expect.objectContaining({ drained: false })]);
  });
});

describe('startup', () => {
  it('answers 503 while its stores are unreachable, and shutting down stops the reconnect loop', async () => {
    const port = await freePort(); // nothing listens there
    const config = parseConfig(
      `storage:\n  redis_url: redis://127.0.0.1:${port}\nproviders:\n  mock: { type: mock }\n`,
    );
    const logs = captureLogs();
    const app = createServer({ config, env: {}, logger: logs.logger });
    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not_ready', reason: 'starting' });
    const api = await app.request('/v1/models');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('1');
    expect(await api.json()).toMatchObject({ error: { code: 'server_not_ready' } });
    expect((await app.request('/health')).status).toBe(200);
    await app.switchyard.shutdown({ timeoutMs: 100 });
    expect(app.switchyard.state).toBe('stopped');
    await expect(app.switchyard.ready).rejects.toThrow();
  });
});
