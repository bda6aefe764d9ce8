import { describe, expect, it } from 'vitest';
import { APIError, BadRequestError, InternalServerError, RateLimitError } from '../errors/api-error.js';
import { InvalidConfigError } from '../errors/gateway-errors.js';
import type { Middleware, MiddlewareStage } from '../middleware/middleware.js';
import { single } from '../routing/single.js';
import { mockProvider } from '../testing/mock-provider.js';
import { createGateway } from './create-gateway.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

describe('model addressing', () => {
  const setup = () => {
    const primary = mockProvider({ reply: 'from primary' });
    const backup = mockProvider({ reply: 'from backup' });
    const gateway = createGateway({
      providers: { primary, backup },
      routes: { 'prod-route': single({ provider: 'backup', model: 'big-model' }) },
    });
    return { primary, backup, gateway };
  };

  it('resolves a route name first', async () => {
    const { gateway, backup } = setup();
    const completion = await gateway.chat.completions.create({ model: 'prod-route', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('from backup');
    expect(completion.switchyard).toMatchObject({
      provider: 'backup',
      model: 'big-model',
      route: 'prod-route',
    });
    expect(backup.calls[0]?.modelId).toBe('big-model');
  });

  it('resolves provider/model, keeping slashes inside the model id', async () => {
    const { gateway, primary } = setup();
    const completion = await gateway.chat.completions.create({
      model: 'primary/meta-llama/llama-3-8b',
      messages: hello,
    });
    expect(completion.switchyard).toMatchObject({ provider: 'primary', model: 'meta-llama/llama-3-8b' });
    expect(primary.calls[0]?.modelId).toBe('meta-llama/llama-3-8b');
  });

  it('rejects anything else with an error that lists what would match', async () => {
    const { gateway, primary, backup } = setup();
    const error = await gateway.chat.completions
      .create({ model: 'gpt-4o', messages: hello })
      .catch((e: unknown) => e);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      param: 'model',
      message:
        "Unknown model 'gpt-4o'. Use a route name (prod-route) or 'provider/model' with a provider of (primary, backup), or set `defaultRoute` to accept bare model names.",
    });
    expect(primary.calls).toHaveLength(0);
    expect(backup.calls).toHaveLength(0);
  });

  it('sends a bare model through defaultRoute, filling targets that name no model', async () => {
    const primary = mockProvider();
    const gateway = createGateway({
      providers: { primary, other: mockProvider() },
      routes: { main: single({ provider: 'primary' }) },
      defaultRoute: 'main',
    });
    const completion = await gateway.chat.completions.create({ model: 'gpt-4o-mini', messages: hello });
    expect(completion.switchyard).toMatchObject({ route: 'main', provider: 'primary', model: 'gpt-4o-mini' });
    expect(primary.calls[0]?.modelId).toBe('gpt-4o-mini');
  });

  it('accepts a bare model when exactly one provider is configured', async () => {
    const only = mockProvider();
    const gateway = createGateway({ providers: { only } });
    const completion = await gateway.chat.completions.create({ model: 'any-model', messages: hello });
    expect(completion.switchyard).toMatchObject({
      provider: 'only',
      model: 'any-model',
      route: 'only/any-model',
    });
  });

  it('a route addressed by name whose target names no model is a clear error', async () => {
    const gateway = createGateway({
      providers: { p: mockProvider() },
      routes: { r: single({ provider: 'p' }) },
    });
    await expect(gateway.chat.completions.create({ model: 'r', messages: hello })).rejects.toThrow(
      "Route 'r' has a target for 'p' without a model",
    );
  });

  it('checks the configuration up front', () => {
    expect(() => createGateway({ providers: {} })).toThrow(InvalidConfigError);
    expect(() =>
      createGateway({
        providers: { a: mockProvider() },
        routes: { r: single({ provider: 'nope', model: 'm' }) },
      }),
    ).toThrow("Route 'r' names provider 'nope', which is not in `providers` (a).");
    expect(() => createGateway({ providers: { a: mockProvider() }, defaultRoute: 'missing' })).toThrow(
      "defaultRoute 'missing' is not a key of `routes` (none).",
    );
  });
});

describe('request validation happens before any provider call', () => {
  const mock = mockProvider();
  const gateway = createGateway({ providers: { mock } });
  const cases: Array<[string, unknown, string]> = [
    ['missing messages', { model: 'm' }, 'messages'],
    ['empty messages', { model: 'm', messages: [] }, 'messages'],
    ['missing model', { messages: hello }, 'model'],
    ['unknown role', { model: 'm', messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    [
      'content of the wrong type',
      { model: 'm', messages: [{ role: 'user', content: 42 }] },
      'messages[0].content',
    ],
    [
      'tool message without id',
      { model: 'm', messages: [{ role: 'tool', content: 'x' }] },
      'messages[0].tool_call_id',
    ],
    [
      'tool without a name',
      { model: 'm', messages: hello, tools: [{ type: 'function', function: { parameters: {} } }] },
      'tools[0].function.name',
    ],
    [
      'tool with a bad name',
      { model: 'm', messages: hello, tools: [{ type: 'function', function: { name: 'get weather!' } }] },
      'tools[0].function.name',
    ],
    ['temperature as a string', { model: 'm', messages: hello, temperature: 'hot' }, 'temperature'],
    ['stream as a string', { model: 'm', messages: hello, stream: 'yes' }, 'stream'],
    ['n below one', { model: 'm', messages: hello, n: 0 }, 'n'],
    ['stop of numbers', { model: 'm', messages: hello, stop: [1] }, 'stop'],
    [
      'image part with no url',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] },
      'messages[0].content[0].image_url.url',
    ],
  ];

  it.each(cases)('%s → BadRequestError naming the field', async (_name, body, param) => {
    // @ts-expect-error deliberately malformed bodies
    const error = await gateway.chat.completions.create(body).catch((e: unknown) => e);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, param });
    expect((error as Error).message).toContain(`'${param}'`);
    expect(mock.calls).toHaveLength(0);
  });
});

describe('completions', () => {
  it('returns an OpenAI completion with usage, estimated cost and switchyard metadata', async () => {
    const mock = mockProvider({
      reply: { text: 'Hi there', usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } },
    });
    const gateway = createGateway({
      providers: { mock },
      pricing: ({ usage, provider, model }) =>
        provider === 'mock' && model === 'm'
          ? usage.prompt_tokens * 1e-6 + usage.completion_tokens * 2e-6
          : undefined,
      metadata: { team: 'platform' },
    });
    const completion = await gateway.chat.completions.create(
      { model: 'm', messages: hello },
      { traceId: 'trace-1', metadata: { user_id: 'u-1' } },
    );
    expect(completion).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hi there', refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      switchyard: {
        provider: 'mock',
        model: 'm',
        route: 'mock/m',
        cache: 'bypass',
        traceId: 'trace-1',
        warnings: [],
        attempts: [{ provider: 'mock', model: 'm', status: 200 }],
      },
    });
    expect(completion.usage?.estimated_cost).toBeCloseTo(20e-6, 12);
    expect(completion.switchyard.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('returns tool calls and reasoning', async () => {
    const mock = mockProvider({
      reply: {
        reasoning: 'Need weather.',
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }],
      },
    });
    const gateway = createGateway({ providers: { mock } });
    const completion = await gateway.chat.completions.create({ model: 'm', messages: hello });
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        reasoning_content: 'Need weather.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
    });
  });

  it('passes the request through unchanged except model, and forwards headers', async () => {
    const mock = mockProvider();
    const gateway = createGateway({ providers: { mock } });
    await gateway.chat.completions.create(
      { model: 'mock/m', messages: hello, temperature: 0.2, seed: 7, stream: false },
      { headers: { 'x-extra': '1' } },
    );
    expect(mock.calls[0]).toMatchObject({
      kind: 'generate',
      modelId: 'm',
      headers: { 'x-extra': '1' },
      request: { model: 'm', messages: hello, temperature: 0.2, seed: 7 },
    });
    expect(mock.calls[0]?.kind === 'generate' && 'stream' in mock.calls[0].request).toBe(false);
  });
});

describe('streaming', () => {
  const collect = async <T>(iterable: AsyncIterable<T>): Promise<Array<T>> => {
    const items: Array<T> = [];
    for await (const item of iterable) items.push(item);
    return items;
  };

  it('streams OpenAI chunks and ends with exactly one usage chunk when asked', async () => {
    const mock = mockProvider({ reply: 'one two three' });
    const gateway = createGateway({ providers: { mock }, pricing: () => 0.5 });
    const stream = await gateway.chat.completions.create({
      model: 'm',
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('one two three');
    const usageChunks = chunks.filter((c) => c.usage != null);
    expect(usageChunks).toHaveLength(1);
    expect(chunks.at(-1)).toBe(usageChunks[0]);
    expect(usageChunks[0]).toMatchObject({
      choices: [],
      usage: { estimated_cost: 0.5 },
      switchyard: { provider: 'mock' },
    });
    expect(chunks.filter((c) => c.choices[0]?.finish_reason === 'stop')).toHaveLength(1);
    expect(stream.switchyard.attempts).toHaveLength(1);
  });

  it('sends no usage chunk unless include_usage is set, like OpenAI', async () => {
    const gateway = createGateway({ providers: { mock: mockProvider({ reply: 'hi' }) } });
    const chunks = await collect(
      await gateway.chat.completions.create({ model: 'm', messages: hello, stream: true }),
    );
    expect(chunks.some((c) => c.usage != null)).toBe(false);
    expect(chunks.at(-1)?.switchyard?.provider).toBe('mock');
  });

  it('streams parallel tool calls with stable indices', async () => {
    const mock = mockProvider({
      reply: {
        toolCalls: [
          { id: 'a', name: 'get_weather', arguments: { city: 'Paris, France' } },
          { id: 'b', name: 'get_time', arguments: { zone: 'Europe/Paris' } },
        ],
      },
    });
    const gateway = createGateway({ providers: { mock } });
    const chunks = await collect(
      await gateway.chat.completions.create({ model: 'm', messages: hello, stream: true }),
    );
    const args = new Map<number, string>();
    for (const chunk of chunks) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        args.set(call.index, (args.get(call.index) ?? '') + (call.function?.arguments ?? ''));
      }
    }
    expect(Object.fromEntries(args)).toEqual({ 0: '{"city":"Paris, France"}', 1: '{"zone":"Europe/Paris"}' });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('retries a stream that fails before its first chunk', async () => {
    const mock = mockProvider({ reply: [{ fault: { status: 503 } }, 'recovered'] });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const stream = await gateway.chat.completions.create({ model: 'm', messages: hello, stream: true });
    const chunks = await collect(stream);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('recovered');
    expect(stream.switchyard.attempts.map((a) => a.status)).toEqual([503, 200]);
  });

  it('raises a typed error when the stream fails midway, never truncating silently', async () => {
    const mock = mockProvider({
      reply: {
        text: 'a b c d e f',
        fault: { errorAfterParts: 3, error: { status: 500, message: 'upstream broke' } },
      },
    });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const stream = await gateway.chat.completions.create({ model: 'm', messages: hello, stream: true });
    const error = await collect(stream).catch((e: unknown) => e);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(mock.calls).toHaveLength(1);
  });

  it('cancels the provider stream when the caller stops reading', async () => {
    let providerSignal: AbortSignal | undefined;
    const mock = mockProvider({
      reply: (call) => {
        providerSignal = call.signal;
        return { text: 'a b c d e f g', fault: { stallAfterParts: 3 } };
      },
    });
    const gateway = createGateway({ providers: { mock } });
    const stream = await gateway.chat.completions.create({ model: 'm', messages: hello, stream: true });
    for await (const _chunk of stream) break;
    expect(providerSignal?.aborted).toBe(true);
    await expect(stream.abort()).resolves.toBeUndefined();
  });
});

describe('retries', () => {
  it('retries retryable failures and records every attempt', async () => {
    const mock = mockProvider({ reply: [{ fault: { status: 503 } }, { fault: { status: 429 } }, 'ok'] });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const completion = await gateway.chat.completions.create({ model: 'm', messages: hello });
    expect(completion.switchyard.attempts.map((a) => a.status)).toEqual([503, 429, 200]);
    expect(completion.switchyard.attempts[0]?.error).toBeTypeOf('string');
  });

  it('does not retry a 400', async () => {
    const mock = mockProvider({
      reply: [{ fault: { status: 400, body: { error: { message: 'bad' } } } }, 'ok'],
    });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    await expect(gateway.chat.completions.create({ model: 'm', messages: hello })).rejects.toSatisfy(
      (e: unknown) => BadRequestError.isInstance(e),
    );
    expect(mock.calls).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last typed error', async () => {
    const mock = mockProvider({ reply: { fault: { status: 429, headers: { 'retry-after-ms': '1' } } } });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const error = await gateway.chat.completions
      .create({ model: 'm', messages: hello }, { maxRetries: 3 })
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(mock.calls).toHaveLength(4);
  });

  it('never retries when the provider answers x-should-retry: false, even on a 429 or 5xx', async () => {
    const mock = mockProvider({
      reply: [
        { fault: { status: 429, headers: { 'x-should-retry': 'false' } } },
        { fault: { status: 503, headers: { 'X-Should-Retry': 'false' } } },
        'ok',
      ],
    });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const rateLimited = await gateway.chat.completions
      .create({ model: 'm', messages: hello })
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(rateLimited)).toBe(true);
    expect(mock.calls).toHaveLength(1);
    const unavailable = await gateway.chat.completions
      .create({ model: 'm', messages: hello }, { maxRetries: 3 })
      .catch((e: unknown) => e);
    expect(InternalServerError.isInstance(unavailable)).toBe(true);
    expect(mock.calls).toHaveLength(2);
  });

  it('retries a status it would not retry when the provider answers x-should-retry: true', async () => {
    const mock = mockProvider({
      reply: [{ fault: { status: 400, headers: { 'x-should-retry': 'true' } } }, 'ok'],
    });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const completion = await gateway.chat.completions.create({ model: 'm', messages: hello });
    expect(completion.switchyard.attempts.map((a) => a.status)).toEqual([400, 200]);
  });

  it("lets x-should-retry win over a target's onStatusCodes in both directions", async () => {
    const mock = mockProvider({
      reply: [
        { fault: { status: 500, headers: { 'x-should-retry': 'false' } } },
        { fault: { status: 404, headers: { 'x-should-retry': 'true' } } },
        'ok',
      ],
    });
    const gateway = createGateway({
      providers: { mock },
      routes: { r: single({ provider: 'mock', model: 'm', retry: { attempts: 3, onStatusCodes: [500] } }) },
      retryBaseDelayMs: 0,
    });
    await expect(gateway.chat.completions.create({ model: 'r', messages: hello })).rejects.toMatchObject({
      status: 500,
    });
    expect(mock.calls).toHaveLength(1);
    const completion = await gateway.chat.completions.create({ model: 'r', messages: hello });
    expect(completion.switchyard.attempts.map((a) => a.status)).toEqual([404, 200]);
  });

  it("waits for the provider's retry-after", async () => {
    const mock = mockProvider({
      reply: [{ fault: { status: 429, headers: { 'retry-after-ms': '80' } } }, 'ok'],
    });
    const gateway = createGateway({ providers: { mock }, retryBaseDelayMs: 0 });
    const started = performance.now();
    await gateway.chat.completions.create({ model: 'm', messages: hello });
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('middleware', () => {
  it('runs handlers in stage order, whatever the array order, with one shared state', async () => {
    const order: Array<string> = [];
    const plugin = (name: string, stages: ReadonlyArray<MiddlewareStage>): Middleware => ({
      name,
      stages: Object.fromEntries(
        stages.map((stage) => [
          stage,
          async (state: { locals: Map<string, unknown> }, next: () => Promise<unknown>) => {
            order.push(`${name}:${stage}`);
            state.locals.set(stage, true);
            return next();
          },
        ]),
      ),
    });
    const gateway = createGateway({
      providers: { mock: mockProvider() },
      middleware: [
        plugin('cache', ['cache']),
        plugin('guard', ['output', 'input']),
        plugin('telemetry', ['telemetry']),
      ],
    });
    await gateway.chat.completions.create({ model: 'm', messages: hello });
    expect(order).toEqual(['telemetry:telemetry', 'guard:input', 'cache:cache', 'guard:output']);
  });

  it('lets a middleware answer without calling the provider and set the cache status', async () => {
    const mock = mockProvider();
    const gateway = createGateway({
      providers: { mock },
      middleware: [
        {
          name: 'fake-cache',
          stages: {
            cache: async (state) => {
              state.cache = 'hit';
              return {
                type: 'completion',
                completion: {
                  id: 'cached',
                  object: 'chat.completion',
                  created: 1,
                  model: 'm',
                  choices: [
                    {
                      index: 0,
                      message: { role: 'assistant', content: 'cached!', refusal: null },
                      finish_reason: 'stop',
                      logprobs: null,
                    },
                  ],
                  switchyard: {
                    provider: '',
                    model: '',
                    route: '',
                    attempts: [],
                    cache: 'hit',
                    latencyMs: 0,
                    traceId: '',
                    warnings: [],
                  },
                },
              };
            },
          },
        },
      ],
    });
    const completion = await gateway.chat.completions.create({ model: 'm', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('cached!');
    expect(completion.switchyard.cache).toBe('hit');
    expect(completion.switchyard.route).toBe('mock/m');
    expect(mock.calls).toHaveLength(0);
  });

  it('lets a middleware re-run next() once the previous call settled, never concurrently', async () => {
    const mock = mockProvider({ reply: ['first', 'second'] });
    const gateway = createGateway({
      providers: { mock },
      middleware: [
        {
          name: 'again',
          stages: {
            output: async (_state, next) => {
              await next();
              return next();
            },
          },
        },
        {
          name: 'twice-at-once',
          stages: { input: async (_state, next) => (await Promise.all([next(), next()]))[0] },
        },
      ],
    });
    await expect(gateway.chat.completions.create({ model: 'm', messages: hello })).rejects.toThrow(
      'A middleware called next() again while its previous call was still running.',
    );
    const sequential = createGateway({
      providers: { mock: mockProvider({ reply: ['first', 'second'] }) },
      middleware: [
        {
          name: 'again',
          stages: {
            output: async (_s, next) => {
              await next();
              return next();
            },
          },
        },
      ],
    });
    const completion = await sequential.chat.completions.create({ model: 'm', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('second');
  });
});

describe('embeddings and models', () => {
  it('creates embeddings through the routed provider', async () => {
    const gateway = createGateway({ providers: { mock: mockProvider({ embeddingDimensions: 4 }) } });
    const result = await gateway.embeddings.create({ model: 'embed-1', input: ['a', 'b'] });
    expect(result).toMatchObject({ object: 'list', model: 'embed-1', switchyard: { provider: 'mock' } });
    expect(result.data.map((d) => [d.object, d.index, d.embedding.length])).toEqual([
      ['embedding', 0, 4],
      ['embedding', 1, 4],
    ]);
  });

  it('rejects a malformed embeddings body', async () => {
    const gateway = createGateway({ providers: { mock: mockProvider() } });
    // @ts-expect-error input is required
    await expect(gateway.embeddings.create({ model: 'e' })).rejects.toSatisfy((e: unknown) =>
      APIError.isInstance(e),
    );
  });

  it('lists routes and configured provider/model pairs', async () => {
    const gateway = createGateway({
      providers: { a: mockProvider() },
      routes: { main: single({ provider: 'a', model: 'x' }) },
    });
    const models = await gateway.models.list();
    expect(models.data.map((m) => [m.id, m.owned_by])).toEqual([
      ['main', 'switchyard'],
      ['a/x', 'a'],
    ]);
  });
});
