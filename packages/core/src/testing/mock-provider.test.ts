import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, InternalServerError, NotFoundError, RateLimitError } from '../errors/api-error.js';
import { AbortError, APIConnectionError } from '../errors/gateway-errors.js';
import type { EmbedCall, ProviderCall, StreamPart } from '../provider/provider-adapter.js';
import {
  faultReply,
  type MockProvider,
  mockProvider,
  reasoningReply,
  textReply,
  toolCallReply,
  usageReply,
} from '../testing.js';
import type { ChatMessage } from '../types/chat-request.js';

// Everything goes through the public entry point, `@switchyard/core/testing`.

const chatCall = (
  overrides: {
    modelId?: string;
    messages?: Array<ChatMessage>;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } = {},
): ProviderCall => {
  const modelId = overrides.modelId ?? 'mock-model';
  return {
    modelId,
    request: { model: modelId, messages: overrides.messages ?? [{ role: 'user', content: 'Hi there' }] },
    signal: overrides.signal ?? new AbortController().signal,
    headers: overrides.headers ?? {},
  };
};

const embedCall = (input: EmbedCall['request']['input'], dimensions?: number): EmbedCall => ({
  modelId: 'mock-embed',
  request: dimensions === undefined ? { input } : { input, dimensions },
  signal: new AbortController().signal,
  headers: {},
});

const readAll = async (stream: ReadableStream<StreamPart>): Promise<Array<StreamPart>> => {
  const parts: Array<StreamPart> = [];
  for await (const part of stream) parts.push(part);
  return parts;
};

const streamParts = async (mock: MockProvider, call: ProviderCall = chatCall()): Promise<Array<StreamPart>> =>
  readAll((await mock.doStream(call)).stream);

const generatedText = async (mock: MockProvider, call: ProviderCall = chatCall()): Promise<string | null> =>
  (await mock.doGenerate(call)).choices[0]?.text ?? null;

const caught = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
};

/** True once the promise has settled, after letting pending microtasks and due timers run. */
const hasSettled = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await vi.advanceTimersByTimeAsync(0);
  return settled;
};

const textOf = (parts: ReadonlyArray<StreamPart>): string =>
  parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');

const dot = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

afterEach(() => {
  vi.useRealTimers();
});

describe('mockProvider: reply forms', () => {
  it('answers every call with a plain string', async () => {
    const mock = mockProvider({ reply: 'Hello!' });
    const result = await mock.doGenerate(chatCall());
    expect(result.response).toEqual({ id: 'mock-1', created: 1_700_000_000, model: 'mock-model' });
    expect(result.choices).toEqual([
      {
        index: 0,
        text: 'Hello!',
        refusal: null,
        toolCalls: [],
        finishReason: { unified: 'stop', raw: 'stop' },
      },
    ]);
    expect(result.warnings).toEqual([]);
    expect(await generatedText(mock)).toBe('Hello!');
  });

  it('uses a reply object, keeping a given raw finish reason and mirroring a bare one', async () => {
    const raw = mockProvider({
      reply: textReply('Done.', { finishReason: { unified: 'stop', raw: 'end_turn' } }),
    });
    expect((await raw.doGenerate(chatCall())).choices[0]?.finishReason).toEqual({
      unified: 'stop',
      raw: 'end_turn',
    });
    const bare = mockProvider({ reply: { text: 'Cut', finishReason: 'length' } });
    expect((await bare.doGenerate(chatCall())).choices[0]?.finishReason).toEqual({
      unified: 'length',
      raw: 'length',
    });
  });

  it('computes the reply from the call, asynchronously', async () => {
    const mock = mockProvider({
      reply: async (call) => {
        const last = call.request.messages.at(-1);
        return `${call.kind} ${call.modelId}: ${typeof last?.content === 'string' ? last.content : ''}`;
      },
    });
    expect(
      await generatedText(mock, chatCall({ modelId: 'm-1', messages: [{ role: 'user', content: 'ping' }] })),
    ).toBe('generate m-1: ping');
    expect(textOf(await streamParts(mock))).toBe('stream mock-model: Hi there');
  });

  it('fails the call with whatever a reply function throws', async () => {
    const failure = new Error('boom');
    const mock = mockProvider({
      reply: () => {
        throw failure;
      },
    });
    expect(await caught(mock.doGenerate(chatCall()))).toBe(failure);
  });

  it('hands out a sequence one reply per call, then repeats the last', async () => {
    const mock = mockProvider({ reply: ['first', textReply('second'), () => 'third'] });
    const texts = [];
    for (let i = 0; i < 5; i++) texts.push(await generatedText(mock));
    expect(texts).toEqual(['first', 'second', 'third', 'third', 'third']);
  });

  it('lets per-model replies override `reply`, with a sequence per model', async () => {
    const mock = mockProvider({ reply: 'default', models: { fast: ['fast 1', 'fast 2'], smart: 'smart' } });
    expect(await generatedText(mock, chatCall({ modelId: 'fast' }))).toBe('fast 1');
    expect(await generatedText(mock, chatCall({ modelId: 'smart' }))).toBe('smart');
    expect(await generatedText(mock, chatCall({ modelId: 'other' }))).toBe('default');
    expect(await generatedText(mock, chatCall({ modelId: 'fast' }))).toBe('fast 2');
  });

  it('answers unlisted models with 404 when only `models` is set, and a default text when nothing is', async () => {
    const listed = mockProvider({ models: { known: 'yes' } });
    expect(await generatedText(listed, chatCall({ modelId: 'known' }))).toBe('yes');
    const error = await caught(listed.doGenerate(chatCall({ modelId: 'toString' })));
    expect(NotFoundError.isInstance(error) && error.code).toBe('model_not_found');
    expect(await generatedText(mockProvider())).toBe('Hello from the mock provider.');
  });

  it('rejects options that cannot work', () => {
    expect(() => mockProvider({ reply: [] })).toThrow(TypeError);
    expect(() => mockProvider({ models: { a: [] } })).toThrow(/models\['a'\]/);
    expect(() => mockProvider({ chunkSize: 0 })).toThrow(/chunkSize/);
    expect(() => mockProvider({ chunkDelayMs: -1 })).toThrow(/chunkDelayMs/);
    expect(() => mockProvider({ embeddingDimensions: 1.5 })).toThrow(/embeddingDimensions/);
  });
});

describe('mockProvider: streaming', () => {
  it('streams metadata, reasoning, text, usage and finish in order, one delta per word', async () => {
    const mock = mockProvider({ reply: reasoningReply('Think first.', 'Hello big world') });
    expect(await streamParts(mock)).toEqual([
      { type: 'response-metadata', id: 'mock-1', created: 1_700_000_000, model: 'mock-model' },
      { type: 'reasoning-delta', delta: 'Think' },
      { type: 'reasoning-delta', delta: ' first.' },
      { type: 'text-delta', delta: 'Hello' },
      { type: 'text-delta', delta: ' big' },
      { type: 'text-delta', delta: ' world' },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 2,
          completion_tokens: 7,
          total_tokens: 9,
          completion_tokens_details: { reasoning_tokens: 3 },
        },
      },
      { type: 'finish', reason: { unified: 'stop', raw: 'stop' } },
    ]);
  });

  it('streams parallel tool calls one after another with their own index, arguments in several deltas', async () => {
    const mock = mockProvider({
      reply: toolCallReply([
        { name: 'get_weather', arguments: { city: 'Paris' } },
        { name: 'get_time', arguments: '{"zone":"CET"}', id: 'call_custom' },
      ]),
    });
    const parts = await streamParts(mock);
    const toolParts = parts.filter((part) => part.type.startsWith('tool-call'));
    expect(toolParts.map((part) => ('index' in part ? `${part.type}:${part.index}` : part.type))).toEqual([
      'tool-call-start:0',
      ...Array(3).fill('tool-call-delta:0'),
      'tool-call-end:0',
      'tool-call-start:1',
      ...Array(3).fill('tool-call-delta:1'),
      'tool-call-end:1',
    ]);
    expect(parts).toContainEqual({ type: 'tool-call-start', index: 0, id: 'call_1_0', name: 'get_weather' });
    expect(parts).toContainEqual({ type: 'tool-call-start', index: 1, id: 'call_custom', name: 'get_time' });
    const argumentsOf = (index: number): string =>
      parts
        .map((part) => (part.type === 'tool-call-delta' && part.index === index ? part.argumentsDelta : ''))
        .join('');
    expect(argumentsOf(0)).toBe('{"city":"Paris"}');
    expect(argumentsOf(1)).toBe('{"zone":"CET"}');
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_calls' } });
  });

  it('returns the same content from doGenerate', async () => {
    const reply = toolCallReply([{ name: 'lookup', arguments: { q: 'x' } }], {
      text: 'Let me check.',
      reasoning: 'Need data.',
    });
    const result = await mockProvider({ reply }).doGenerate(chatCall());
    expect(result.choices[0]).toEqual({
      index: 0,
      text: 'Let me check.',
      reasoning: 'Need data.',
      refusal: null,
      toolCalls: [{ id: 'call_1_0', name: 'lookup', arguments: '{"q":"x"}' }],
      finishReason: { unified: 'tool_calls', raw: 'tool_calls' },
    });
    expect(result.usage).toEqual({
      prompt_tokens: 2,
      completion_tokens: 10,
      total_tokens: 12,
      completion_tokens_details: { reasoning_tokens: 3 },
    });
  });

  it('streams and returns a refusal', async () => {
    const mock = mockProvider({ reply: { refusal: 'I cannot help with that.' } });
    const parts = await streamParts(mock);
    expect(parts.filter((part) => part.type === 'refusal-delta').map((part) => part.delta)).toEqual([
      'I',
      ' cannot',
      ' help',
      ' with',
      ' that.',
    ]);
    expect((await mock.doGenerate(chatCall())).choices[0]).toMatchObject({
      text: null,
      refusal: 'I cannot help with that.',
    });
  });

  it('splits text into `chunkSize` code points without cutting an emoji in half', async () => {
    const mock = mockProvider({ reply: 'ab😀cdef', chunkSize: 3 });
    const deltas = (await streamParts(mock))
      .filter((part) => part.type === 'text-delta')
      .map((part) => part.delta);
    expect(deltas).toEqual(['ab😀', 'cde', 'f']);
  });

  it('always streams exactly the text and arguments it would return (property)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc
        .array(fc.constantFrom('a', 'bc', ' ', '\n', '😀', 'é'), { maxLength: 30 })
        .map((pieces) => pieces.join('')),
    );
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        async (t, args, size) => {
          const mock = mockProvider({
            reply: { text: t, toolCalls: [{ name: 'f', arguments: args }] },
            ...(size === undefined ? {} : { chunkSize: size }),
          });
          const parts = await streamParts(mock);
          const deltas = parts.filter((part) => part.type === 'text-delta').map((part) => part.delta);
          const argDeltas = parts
            .filter((part) => part.type === 'tool-call-delta')
            .map((part) => part.argumentsDelta);
          expect(deltas.join('')).toBe(t);
          expect(argDeltas.join('')).toBe(args);
          for (const delta of [...deltas, ...argDeltas]) {
            expect(delta).not.toBe('');
            expect(delta).not.toMatch(/[\uD800-\uDBFF]$/);
            if (size !== undefined) expect(Array.from(delta).length).toBeLessThanOrEqual(size);
          }
          if (size === undefined) for (const delta of deltas) expect(delta.trim()).not.toMatch(/\s/);
          if (Array.from(args).length > 4) expect(argDeltas.length).toBeGreaterThanOrEqual(2);
        },
      ),
    );
  });

  it('waits `chunkDelayMs` between parts', async () => {
    vi.useFakeTimers();
    const mock = mockProvider({ reply: 'one two', chunkDelayMs: 50 });
    const reader = (await mock.doStream(chatCall())).stream.getReader();
    expect((await reader.read()).value?.type).toBe('response-metadata');
    const second = reader.read();
    await vi.advanceTimersByTimeAsync(49);
    expect(await hasSettled(second)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await second).value).toEqual({ type: 'text-delta', delta: 'one' });
    await reader.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('errors the stream with an AbortError when the call is aborted mid-stream', async () => {
    const controller = new AbortController();
    const reader = (
      await mockProvider({ reply: 'a b c' }).doStream(chatCall({ signal: controller.signal }))
    ).stream.getReader();
    await reader.read();
    const reason = new Error('user left');
    controller.abort(reason);
    const error = await caught(reader.read());
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error instanceof Error && error.cause).toBe(reason);
  });

  it('cancels a pending chunk delay when the reader cancels, leaving no timer behind', async () => {
    vi.useFakeTimers();
    const reader = (
      await mockProvider({ reply: 'a b', chunkDelayMs: 1_000 }).doStream(chatCall())
    ).stream.getReader();
    await reader.read();
    const pending = reader.read();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await reader.cancel();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('mockProvider: usage', () => {
  it("estimates 'auto' usage as characters / 4 of the messages and of the output", async () => {
    const messages: Array<ChatMessage> = [
      { role: 'system', content: 'Be brief.' }, // 9
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather?' },
          { type: 'image_url', image_url: { url: 'x' } },
        ],
      }, // 8
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 't1', type: 'function', function: { name: 'wx', arguments: '{}' } }], // 4
      },
      { role: 'tool', tool_call_id: 't1', content: 'Sunny' }, // 5
    ];
    const result = await mockProvider({ reply: 'It is sunny.' }).doGenerate(chatCall({ messages }));
    expect(result.usage).toEqual({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
  });

  it('reports usage exactly once, right before finish', async () => {
    const parts = await streamParts(mockProvider({ reply: 'Hello!' }));
    expect(parts.filter((part) => part.type === 'usage')).toEqual([
      { type: 'usage', usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 } },
    ]);
    expect(parts.at(-2)?.type).toBe('usage');
  });

  it('reports a fixed usage, a per-reply usage, or none', async () => {
    const fixed = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    const mock = mockProvider({
      usage: fixed,
      reply: ['a', textReply('b', { usage: { ...fixed, total_tokens: 99 } })],
    });
    const first = await mock.doGenerate(chatCall());
    expect(first.usage).toEqual(fixed);
    expect(first.usage).not.toBe(fixed); // a copy, so a consumer writing to it cannot change later calls
    expect((await mock.doGenerate(chatCall())).usage?.total_tokens).toBe(99);

    const none = mockProvider({ usage: false, reply: 'a' });
    expect((await none.doGenerate(chatCall())).usage).toBeUndefined();
    expect((await streamParts(none)).some((part) => part.type === 'usage')).toBe(false);
  });

  it('reports the usage a usageReply gives, filling in total_tokens, in both forms and on streams', async () => {
    const mock = mockProvider({
      reply: [
        usageReply({ prompt_tokens: 1200, completion_tokens: 300 }, 'Done.'),
        usageReply(
          { prompt_tokens: 10, completion_tokens: 20, completion_tokens_details: { reasoning_tokens: 15 } },
          { reasoning: 'Think.', text: 'Yes.' },
        ),
      ],
    });
    const first = await mock.doGenerate(chatCall());
    expect(first.choices[0]?.text).toBe('Done.');
    expect(first.usage).toEqual({ prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 });
    const parts = await streamParts(mock);
    expect(parts).toContainEqual({
      type: 'usage',
      usage: {
        prompt_tokens: 10,
        completion_tokens: 20,
        total_tokens: 30,
        completion_tokens_details: { reasoning_tokens: 15 },
      },
    });
    const given = usageReply({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 7 });
    expect(given.usage?.total_tokens).toBe(7);
  });
});

describe('mockProvider: faults', () => {
  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [404, 'NotFoundError'],
    [429, 'RateLimitError'],
    [503, 'InternalServerError'],
  ])('turns status %i into a %s from doGenerate and doStream', async (status, name) => {
    const mock = mockProvider({ reply: faultReply({ status }), provider: 'flaky' });
    for (const error of [
      await caught(mock.doGenerate(chatCall())),
      await caught(mock.doStream(chatCall())),
    ]) {
      expect(APIError.isInstance(error) && [error.name, error.status, error.provider]).toEqual([
        name,
        status,
        'flaky',
      ]);
    }
  });

  it('carries retry-after, the body and headers of a 429', async () => {
    const body = { error: { message: 'Slow down', type: 'rate_limit_error' } };
    const mock = mockProvider({ reply: faultReply({ status: 429, body, headers: { 'Retry-After': '2' } }) });
    const error = await caught(mock.doGenerate(chatCall()));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(
      RateLimitError.isInstance(error) && [error.retryAfterMs, error.message, error.body, error.isRetryable],
    ).toEqual([2000, 'Slow down', body, true]);
  });

  it('fails first and then succeeds when a fault leads a sequence, as retry tests need', async () => {
    const mock = mockProvider({ reply: [faultReply({ status: 503 }), 'ok'] });
    expect(InternalServerError.isInstance(await caught(mock.doGenerate(chatCall())))).toBe(true);
    expect(await generatedText(mock)).toBe('ok');
    expect(mock.calls).toHaveLength(2);
  });

  it('throws APIConnectionError for a connection fault', async () => {
    const mock = mockProvider({ reply: faultReply({ connectionError: true, message: 'ECONNREFUSED' }) });
    for (const error of [
      await caught(mock.doGenerate(chatCall())),
      await caught(mock.doStream(chatCall())),
    ]) {
      expect(APIConnectionError.isInstance(error) && [error.message, error.isRetryable]).toEqual([
        'ECONNREFUSED',
        true,
      ]);
    }
  });

  it('delays the response by delayBeforeFirstByteMs', async () => {
    vi.useFakeTimers();
    const mock = mockProvider({ reply: faultReply({ delayBeforeFirstByteMs: 1_000 }, 'late') });
    const generating = mock.doGenerate(chatCall());
    const streaming = mock.doStream(chatCall());
    await vi.advanceTimersByTimeAsync(999);
    expect(await hasSettled(generating)).toBe(false);
    expect(await hasSettled(streaming)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await generating).choices[0]?.text).toBe('late');
    expect(textOf(await readAll((await streaming).stream))).toBe('late');
  });

  it('rejects a delayed call with AbortError on abort, with the reason as cause and no timer left', async () => {
    vi.useFakeTimers();
    const mock = mockProvider({ reply: faultReply({ delayBeforeFirstByteMs: 60_000 }) });
    const controller = new AbortController();
    const pending = mock.doStream(chatCall({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('timeout');
    controller.abort(reason);
    const error = await caught(pending);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error instanceof Error && error.cause).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once, without using up a reply, when the signal is already aborted', async () => {
    const mock = mockProvider({ reply: ['first', 'second'] });
    const error = await caught(mock.doGenerate(chatCall({ signal: AbortSignal.abort() })));
    expect(AbortError.isInstance(error)).toBe(true);
    expect(await generatedText(mock)).toBe('first');
  });

  it('errors the stream after errorAfterParts parts with a typed error', async () => {
    const reset = mockProvider({ reply: faultReply({ errorAfterParts: 3 }, 'one two three four') });
    const reader = (await reset.doStream(chatCall())).stream.getReader();
    const received = [];
    for (let i = 0; i < 3; i++) received.push((await reader.read()).value?.type);
    expect(received).toEqual(['response-metadata', 'text-delta', 'text-delta']);
    expect(APIConnectionError.isInstance(await caught(reader.read()))).toBe(true);

    const overloaded = mockProvider({
      reply: faultReply({ errorAfterParts: 1, error: { status: 529, message: 'Overloaded' } }, 'hi'),
    });
    const streamError = await caught(readAll((await overloaded.doStream(chatCall())).stream));
    expect(InternalServerError.isInstance(streamError) && streamError.message).toBe('Overloaded');
    expect(InternalServerError.isInstance(await caught(overloaded.doGenerate(chatCall())))).toBe(true);
  });

  it('stalls the stream after stallAfterParts parts until the call is aborted', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const mock = mockProvider({ reply: faultReply({ stallAfterParts: 2 }, 'one two three') });
    const reader = (await mock.doStream(chatCall({ signal: controller.signal }))).stream.getReader();
    expect((await reader.read()).value?.type).toBe('response-metadata');
    expect((await reader.read()).value).toEqual({ type: 'text-delta', delta: 'one' });
    const stalled = reader.read();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(await hasSettled(stalled)).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    controller.abort(new Error('gave up'));
    expect(AbortError.isInstance(await caught(stalled))).toBe(true);
  });

  it('never answers doGenerate for a stall fault until the call is aborted', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const mock = mockProvider({ reply: faultReply({ stallAfterParts: 0 }) });
    const pending = mock.doGenerate(chatCall({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(await hasSettled(pending)).toBe(false);
    controller.abort();
    expect(AbortError.isInstance(await caught(pending))).toBe(true);
  });

  it('rejects fault counts that make no sense when the call runs', async () => {
    const mock = mockProvider({ reply: faultReply({ errorAfterParts: -1 }) });
    expect(await caught(mock.doStream(chatCall()))).toBeInstanceOf(TypeError);
  });
});

describe('mockProvider: recorded calls', () => {
  it('records every call in order with its kind, model, request and headers, until reset', async () => {
    const mock = mockProvider({ reply: ['a', 'b'] });
    const first = chatCall({ modelId: 'm1', headers: { 'x-trace': '1' } });
    await mock.doGenerate(first);
    await streamParts(mock, chatCall({ modelId: 'm2' }));
    await mock.doEmbed(embedCall('text'));
    expect(mock.calls).toMatchObject([
      {
        kind: 'generate',
        modelId: 'm1',
        request: first.request,
        headers: { 'x-trace': '1' },
        signal: first.signal,
      },
      { kind: 'stream', modelId: 'm2' },
      { kind: 'embed', modelId: 'mock-embed', request: { input: 'text' } },
    ]);

    mock.reset();
    expect(mock.calls).toEqual([]);
    const again = await mock.doGenerate(chatCall());
    expect([again.response.id, again.choices[0]?.text]).toEqual(['mock-1', 'a']);
  });
});

describe('mockProvider: embeddings and models', () => {
  it('returns deterministic unit vectors of the configured size', async () => {
    const [a, b] = (await mockProvider().doEmbed(embedCall(['kubernetes pods', 'kubernetes pods'])))
      .embeddings;
    const [again] = (await mockProvider().doEmbed(embedCall('kubernetes pods'))).embeddings;
    expect(a).toHaveLength(8);
    expect(a).toEqual(b);
    expect(again).toEqual(a);
    expect(dot(a ?? [], a ?? [])).toBeCloseTo(1, 10);

    const sized = await mockProvider({ embeddingDimensions: 16 }).doEmbed(embedCall('x'));
    expect(sized.embeddings[0]).toHaveLength(16);
    expect((await mockProvider().doEmbed(embedCall('x', 4))).embeddings[0]).toHaveLength(4);
    expect(sized.usage).toEqual({ prompt_tokens: 1, total_tokens: 1 });
  });

  it('gives different texts different vectors, closer when they share words', async () => {
    const input = [
      'how do I scale kubernetes pods',
      'How do I scale Kubernetes pods?',
      'banana bread recipe',
    ];
    const [question, paraphrase, unrelated] = (await mockProvider().doEmbed(embedCall(input))).embeddings;
    expect(question).not.toEqual(unrelated);
    expect(dot(question ?? [], paraphrase ?? [])).toBeCloseTo(1, 10);
    expect(dot(question ?? [], unrelated ?? [])).toBeLessThan(0.9);
    const [tokens, otherTokens] = (
      await mockProvider().doEmbed(
        embedCall([
          [1, 2, 3],
          [4, 5],
        ]),
      )
    ).embeddings;
    expect(tokens).not.toEqual(otherTokens);
  });

  it('lists the configured models', async () => {
    expect(await mockProvider().listModels()).toEqual([{ id: 'mock-model', ownedBy: 'mock' }]);
    expect(
      (await mockProvider({ models: { a: 'x', b: 'y' } }).listModels()).map((model) => model.id),
    ).toEqual(['a', 'b']);
    expect(await mockProvider({ modelsList: ['z'], provider: 'acme' }).listModels()).toEqual([
      { id: 'z', ownedBy: 'acme' },
    ]);
  });

  it('declares itself a v1 adapter with every capability', () => {
    const mock = mockProvider({ provider: 'acme' });
    expect([mock.specificationVersion, mock.provider]).toEqual(['v1', 'acme']);
    expect(Object.values(mock.capabilities).every((supported) => supported)).toBe(true);
    expect(Object.keys(mock.capabilities).length).toBeGreaterThan(0);
  });
});
