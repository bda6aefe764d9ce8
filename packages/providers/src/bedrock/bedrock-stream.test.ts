import {
  AbortError,
  APIConnectionError,
  InternalServerError,
  type ProviderCall,
  RateLimitError,
  type StreamPart,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { type FixtureResponse, fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import liveCapture from './__fixtures__/converse-stream-live.eventstream.base64.txt?raw';
import parallelToolsEvents from './__fixtures__/converse-stream-parallel-tools.events.json';
import reasoningEvents from './__fixtures__/converse-stream-reasoning.events.json';
import textEvents from './__fixtures__/converse-stream-text.events.json';
import throttledEvents from './__fixtures__/converse-stream-throttled.events.json';
import {
  bytesFromBase64,
  decodeBase64Bodies,
  decodeEvents,
  type EventDescription,
  encodeEvents,
  eventStreamResponse,
} from './__fixtures__/event-stream.js';
import modelStreamError from './__fixtures__/model-stream-error-exception.eventstream.base64.txt?raw';
import { bedrock } from './bedrock-provider.js';

const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: MODEL_ID,
  request: { model: MODEL_ID, messages: [{ role: 'user', content: 'Say hello in French.' }] },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const stream = async (response: FixtureResponse, overrides: Partial<ProviderCall> = {}) => {
  const { fetch, requests } = fixtureFetch(response);
  const adapter = bedrock({
    fetch: decodeBase64Bodies(fetch),
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-canary-3c1d' },
  });
  const result = await adapter.doStream(call(overrides));
  return { ...result, requests };
};

const concat = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const bytes = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
};

const event = (type: string, payload: unknown): EventDescription => ({
  headers: { ':event-type': type, ':content-type': 'application/json', ':message-type': 'event' },
  payload,
});

const lastError = (parts: ReadonlyArray<StreamPart>): unknown => {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${JSON.stringify(last)}`);
  return last.error;
};

describe('ConverseStream: event mapping', () => {
  it('streams text (multi-byte characters split across reads), then finish, then usage', async () => {
    const { stream: parts } = await stream(
      eventStreamResponse(encodeEvents(textEvents), { chunkSizes: [1, 3, 7] }),
    );
    expect(await readAll(parts)).toEqual([
      { type: 'text-delta', delta: 'Bonjour' },
      { type: 'text-delta', delta: ' ! Ça va ?' },
      { type: 'text-delta', delta: ' Très bien, merci 👋' },
      { type: 'finish', reason: { unified: 'stop', raw: 'end_turn' } },
      { type: 'usage', usage: { prompt_tokens: 18, completion_tokens: 13, total_tokens: 31 } },
    ]);
  });

  it('numbers parallel tool calls 0, 1 in order, after the text block, with cached tokens in usage', async () => {
    const { stream: parts } = await stream(eventStreamResponse(encodeEvents(parallelToolsEvents)));
    expect(await readAll(parts)).toEqual([
      { type: 'text-delta', delta: "I'll look up" },
      { type: 'text-delta', delta: ' both for Paris.' },
      { type: 'tool-call-start', index: 0, id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city": ' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'tooluse_f3Q0wXcHTh2LbI9nYd1rUg', name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"timezone"' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: ': "Europe/Paris"}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_use' } },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 586,
          completion_tokens: 96,
          total_tokens: 682,
          prompt_tokens_details: { cached_tokens: 512 },
        },
      },
    ]);
  });

  it('streams reasoning text and hands back signed and redacted blocks as reasoning details', async () => {
    const { stream: parts } = await stream(eventStreamResponse(encodeEvents(reasoningEvents)));
    const all = await readAll(parts);
    expect(all.filter((part) => part.type === 'reasoning-delta').map((part) => part.delta)).toEqual([
      '17 × 24 = 17 × 20 + 17 × 4',
      ' = 340 + 68 = 408.',
    ]);
    expect(all.filter((part) => part.type === 'reasoning-details')).toEqual([
      {
        type: 'reasoning-details',
        details: [
          {
            type: 'reasoning.text',
            text: '17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408.',
            signature: expect.stringMatching(/^EqQBCkgIBxAB/),
            provider: 'bedrock',
          },
        ],
      },
      {
        type: 'reasoning-details',
        details: [
          {
            type: 'reasoning.encrypted',
            data: 'RW5jcnlwdGVkIHJlYXNvbmluZyBieXRlcyBmb3IgdGhlIG5leHQgdHVybi4=',
            provider: 'bedrock',
          },
        ],
      },
    ]);
    expect(
      all
        .filter((part) => part.type === 'text-delta')
        .map((part) => part.delta)
        .join(''),
    ).toBe('17 × 24 = **408**');
  });

  it('sends an empty object for a tool call that streams no input', async () => {
    const events = [
      event('messageStart', { role: 'assistant' }),
      event('contentBlockStart', {
        contentBlockIndex: 0,
        start: { toolUse: { name: 'get_time', toolUseId: 'tooluse_noargs' } },
      }),
      event('contentBlockStop', { contentBlockIndex: 0 }),
      event('messageStop', { stopReason: 'tool_use' }),
      event('metadata', {
        metrics: { latencyMs: 300 },
        usage: { inputTokens: 40, outputTokens: 12, totalTokens: 52 },
      }),
    ];
    const { stream: parts } = await stream(eventStreamResponse(encodeEvents(events)));
    expect((await readAll(parts)).slice(0, 3)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'tooluse_noargs', name: 'get_time' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
    ]);
  });

  it('reads a stream recorded from the live API byte for byte', async () => {
    const bytes = bytesFromBase64(liveCapture);
    const { stream: parts } = await stream(eventStreamResponse(bytes, { chunkSizes: [5, 11] }));
    expect(await readAll(parts)).toEqual([
      { type: 'text-delta', delta: 'OK' },
      { type: 'text-delta', delta: '.' },
      { type: 'finish', reason: { unified: 'stop', raw: 'end_turn' } },
      { type: 'usage', usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } },
    ]);
  });

  it('encodes event descriptions into the same frames the live API sends', () => {
    const bytes = bytesFromBase64(liveCapture);
    const described = decodeEvents(bytes).map((message) => ({
      headers: message.headers,
      rawPayload: message.payload,
    }));
    expect(encodeEvents(described)).toEqual(bytes);
  });
});

describe('ConverseStream: failures', () => {
  it('ends with a typed RateLimitError when a throttlingException event arrives mid-stream', async () => {
    const { stream: parts } = await stream(eventStreamResponse(encodeEvents(throttledEvents)));
    const all = await readAll(parts);
    expect(all.slice(0, 2)).toEqual([
      { type: 'text-delta', delta: 'Bonjour' },
      { type: 'text-delta', delta: ' ! Ça' },
    ]);
    expect(all.some((part) => part.type === 'finish' || part.type === 'usage')).toBe(false);
    const error = lastError(all);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      isRetryable: true,
      provider: 'bedrock',
      message: 'Too many tokens, please wait before trying again.',
      body: { message: 'Too many tokens, please wait before trying again.' },
    });
  });

  it('maps a recorded modelStreamErrorException mid-stream to the model status, keeping its payload', async () => {
    const head = encodeEvents(throttledEvents.slice(0, 3));
    const { stream: parts } = await stream(
      eventStreamResponse(concat(head, bytesFromBase64(modelStreamError))),
    );
    const error = lastError(await readAll(parts));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 500,
      isRetryable: true,
      body: {
        message: 'Model Stream Error',
        originalStatusCode: 500,
        originalMessage: 'The model stream failed.',
      },
    });
  });

  it('rejects doStream when the first event is an exception', async () => {
    const error = await stream(eventStreamResponse(bytesFromBase64(modelStreamError))).catch(
      (e: unknown) => e,
    );
    expect(InternalServerError.isInstance(error)).toBe(true);
  });

  it('ends a stream that stops before messageStop with an error, not a finish', async () => {
    const truncated = encodeEvents(textEvents.slice(0, 3));
    const { stream: parts } = await stream(eventStreamResponse(truncated));
    const all = await readAll(parts);
    expect(all.filter((part) => part.type === 'text-delta')).toHaveLength(2);
    const error = lastError(all);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'bedrock returned a malformed event stream: it ended before messageStop.',
    });
  });

  it('ends with APIConnectionError when a frame fails its checksum', async () => {
    const bytes = encodeEvents(textEvents);
    // Corrupt a byte inside the third frame; its message CRC no longer matches.
    const offset = encodeEvents(textEvents.slice(0, 2)).length + 80;
    const corrupted = bytes.slice();
    corrupted[offset] = (corrupted[offset] ?? 0) ^ 0xff;
    const { stream: parts } = await stream(eventStreamResponse(corrupted));
    const all = await readAll(parts);
    expect(all.filter((part) => part.type === 'text-delta')).toHaveLength(1);
    expect(APIConnectionError.isInstance(lastError(all))).toBe(true);
  });

  it('ends with APIConnectionError when an event payload is not JSON', async () => {
    const events = [
      event('messageStart', { role: 'assistant' }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Bon' } }),
      {
        headers: {
          ':event-type': 'contentBlockDelta',
          ':content-type': 'application/json',
          ':message-type': 'event',
        },
        rawPayload: '{"contentBlockIndex":0,"delta":{"te',
      },
    ];
    const { stream: parts } = await stream(eventStreamResponse(encodeEvents(events)));
    const all = await readAll(parts);
    expect(all[0]).toEqual({ type: 'text-delta', delta: 'Bon' });
    expect(APIConnectionError.isInstance(lastError(all))).toBe(true);
  });
});

describe('ConverseStream: abort and cancel', () => {
  const head = () => eventStreamResponse(encodeEvents(textEvents.slice(0, 3)), { stall: true });

  it('ends with an AbortError carrying the signal reason when aborted mid-stream', async () => {
    const controller = new AbortController();
    const { stream: parts, requests } = await stream(head(), { signal: controller.signal });
    const reader = parts.getReader();
    expect(await reader.read()).toEqual({ done: false, value: { type: 'text-delta', delta: 'Bonjour' } });
    expect(await reader.read()).toEqual({ done: false, value: { type: 'text-delta', delta: ' ! Ça va ?' } });
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    const rest: Array<StreamPart> = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(value);
    }
    expect(rest).toHaveLength(1);
    const error = lastError(rest);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests[0]?.signal?.aborted).toBe(true);
  });

  it('cancelling the part stream aborts the HTTP request', async () => {
    const { stream: parts, requests } = await stream(head());
    const reader = parts.getReader();
    await reader.read();
    await reader.read();
    const pending = reader.read();
    // Let the read reach the stalled HTTP body before cancelling.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reader.cancel(new Error('client disconnected'));
    expect(requests[0]?.signal?.aborted).toBe(true);
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
