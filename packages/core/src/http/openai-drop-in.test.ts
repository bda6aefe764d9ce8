import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../gateway/create-gateway.js';
import type { Middleware } from '../middleware/middleware.js';
import { loadBalance } from '../routing/load-balance.js';
import { mockProvider } from '../testing/mock-provider.js';
import { IN_PROCESS_BASE_URL, wrapOpenAI } from './wrap-openai.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

const setup = (options: Parameters<typeof mockProvider>[0] = {}, middleware: Array<Middleware> = []) => {
  const mock = mockProvider(options);
  const gateway = createGateway({ providers: { mock }, middleware, retryBaseDelayMs: 0 });
  const client = new OpenAI({
    baseURL: IN_PROCESS_BASE_URL,
    apiKey: 'unused',
    fetch: gateway.fetch,
    maxRetries: 0,
  });
  return { mock, gateway, client };
};

describe('the openai client over gateway.fetch', () => {
  it('creates a completion, with the switchyard headers on the response', async () => {
    const { client } = setup({ reply: 'Hi from the gateway' });
    const { data, response } = await client.chat.completions
      .create({ model: 'mock/gpt-test', messages: hello })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Hi from the gateway');
    expect(data.object).toBe('chat.completion');
    expect(response.headers.get('x-switchyard-provider')).toBe('mock');
    expect(response.headers.get('x-switchyard-model')).toBe('gpt-test');
    expect(response.headers.get('x-switchyard-attempts')).toBe('1');
    expect(response.headers.get('x-switchyard-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('streams chunks, ending with exactly one usage chunk', async () => {
    const { client } = setup({ reply: 'streamed over sse' });
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: Array<OpenAI.ChatCompletionChunk> = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('streamed over sse');
    expect(chunks.filter((c) => c.usage != null)).toHaveLength(1);
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("works with the SDK's own stream helper (tool calls reassembled)", async () => {
    const { client } = setup({
      reply: { toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { query: 'switchyard gateway' } }] },
    });
    const runner = client.chat.completions.stream({
      model: 'm',
      messages: hello,
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: 'call_1',
      type: 'function',
      function: { name: 'lookup', arguments: '{"query":"switchyard gateway"}' },
    });
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('maps provider errors to the SDK error classes, with retry-after passed on', async () => {
    const { client } = setup({
      reply: {
        fault: { status: 429, headers: { 'retry-after': '7' }, body: { error: { message: 'Slow down' } } },
      },
    });
    const error = await client.chat.completions
      .create({ model: 'm', messages: hello }, { headers: { 'x-switchyard-max-retries': '0' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ status: 429, message: expect.stringContaining('Slow down') });
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7');
  });

  it('reports invalid requests as 400 with the field in `param`', async () => {
    const { client, mock } = setup();
    const error = await client.chat.completions
      .create({
        model: 'm',
        messages: [{ role: 'user', content: 'x' }],
        temperature: 'hot' as unknown as number,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'temperature' });
    expect(mock.calls).toHaveLength(0);
  });

  it('raises a mid-stream provider failure as an APIError in the client', async () => {
    const { client } = setup({
      reply: {
        text: 'a b c d e f g',
        fault: { errorAfterParts: 3, error: { status: 500, message: 'exploded' } },
      },
    });
    const stream = await client.chat.completions.create({ model: 'm', messages: hello, stream: true });
    const error = await (async () => {
      for await (const _chunk of stream) {
        // keep reading until the error arrives
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('exploded');
  });

  it('cancels the provider call when the client aborts mid-stream', async () => {
    const { client, mock } = setup({
      reply: 'one two three four five six seven eight nine',
      chunkDelayMs: 10,
    });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'm', messages: hello, stream: true },
      { signal: controller.signal },
    );
    let received = 0;
    // openai v7 ends the loop quietly when its caller aborts.
    for await (const _chunk of stream) {
      received++;
      if (received === 2) controller.abort();
    }
    expect(received).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const call = mock.calls[0];
    expect(call?.kind === 'stream' && call.signal.aborted).toBe(true);
  });

  it('aborts a non-streaming request from the client side', async () => {
    const { client, mock } = setup({ reply: { text: 'late', fault: { delayBeforeFirstByteMs: 10_000 } } });
    const controller = new AbortController();
    const pending = client.chat.completions.create(
      { model: 'm', messages: hello },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const call = mock.calls[0];
    expect(call?.kind === 'generate' && call.signal.aborted).toBe(true);
  });

  it('passes x-switchyard-* headers through as request options', async () => {
    let seen: Record<string, string> | undefined;
    const spy: Middleware = {
      name: 'spy',
      stages: {
        telemetry: (state, next) => {
          seen = { ...state.metadata, traceId: state.traceId, cache: JSON.stringify(state.options.cache) };
          return next();
        },
      },
    };
    const { client } = setup({}, [spy]);
    await client.chat.completions.create(
      { model: 'm', messages: hello },
      {
        headers: {
          'x-switchyard-metadata': '{"user_id":"u-9"}',
          'x-switchyard-trace-id': 'trace-abc',
          'x-switchyard-cache': 'semantic',
          'x-switchyard-cache-ttl': '60',
          'x-switchyard-cache-force-refresh': 'true',
        },
      },
    );
    expect(seen).toEqual({
      user_id: 'u-9',
      traceId: 'trace-abc',
      cache: JSON.stringify({ mode: 'semantic', ttl: 60, forceRefresh: true }),
    });
    const error = await client.chat.completions
      .create({ model: 'm', messages: hello }, { headers: { 'x-switchyard-metadata': 'not json' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, param: 'x-switchyard-metadata' });
  });

  it('selects a route with x-switchyard-route or a `config` body field, keeping the model for its targets', async () => {
    const mock = mockProvider({ reply: 'routed' });
    const gateway = createGateway({
      providers: { mock, other: mockProvider() },
      routes: { pool: loadBalance([{ provider: 'mock' }]) },
    });
    const viaHeader = await gateway.fetch(`${IN_PROCESS_BASE_URL}/chat/completions`, {
      method: 'POST',
      headers: { 'x-switchyard-route': 'pool' },
      body: JSON.stringify({ model: 'gpt-4o', messages: hello }),
    });
    expect(viaHeader.headers.get('x-switchyard-route')).toBe('pool');
    expect(mock.calls[0]?.modelId).toBe('gpt-4o');
    const viaConfig = await gateway.fetch(`${IN_PROCESS_BASE_URL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ config: 'pool', model: 'gpt-4o-mini', messages: hello }),
    });
    expect(await viaConfig.json()).toMatchObject({ choices: [{ message: { content: 'routed' } }] });
    expect(mock.calls[1]?.modelId).toBe('gpt-4o-mini');
    expect(mock.calls[1]?.request).not.toHaveProperty('config');
    const unknown = await gateway.fetch(`${IN_PROCESS_BASE_URL}/chat/completions`, {
      method: 'POST',
      headers: { 'x-switchyard-route': 'nope' },
      body: JSON.stringify({ model: 'gpt-4o', messages: hello }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { message: "Unknown route 'nope'. Configured routes: pool." },
    });
  });

  it('serves embeddings and the model list', async () => {
    const { client } = setup({ embeddingDimensions: 3 });
    const embeddings = await client.embeddings.create({ model: 'mock/embed', input: 'hello' });
    expect(embeddings.data[0]?.embedding).toHaveLength(3);
    const models = await client.models.list();
    expect(models.data).toEqual([]);
  });

  it('accepts a Request object as well as (url, init)', async () => {
    const { gateway } = setup({ reply: 'from a Request' });
    const response = await gateway.fetch(
      new Request(`${IN_PROCESS_BASE_URL}/chat/completions/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchyard-trace-id': 't-req' },
        body: JSON.stringify({ model: 'm', messages: hello }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-trace-id')).toBe('t-req');
    expect(await response.json()).toMatchObject({ choices: [{ message: { content: 'from a Request' } }] });
  });

  it('answers unknown paths and malformed JSON with OpenAI error JSON', async () => {
    const { gateway } = setup();
    const missing = await gateway.fetch(`${IN_PROCESS_BASE_URL}/nope`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { type: 'not_found_error' } });
    const malformed = await gateway.fetch(`${IN_PROCESS_BASE_URL}/chat/completions`, {
      method: 'POST',
      body: '{"model":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { param: 'body', type: 'invalid_request_error' } });
  });
});

describe('wrapOpenAI', () => {
  it('returns a copy of an existing client that runs through the gateway', async () => {
    const { gateway } = setup({ reply: 'wrapped' });
    const original = new OpenAI({ apiKey: 'sk-never-used', maxRetries: 0 });
    const wrapped = wrapOpenAI(original, gateway);
    const completion = await wrapped.chat.completions.create({ model: 'm', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('wrapped');
    expect(original.baseURL).toBe('https://api.openai.com/v1');
    expect(wrapped.baseURL).toBe(IN_PROCESS_BASE_URL);
  });
});
