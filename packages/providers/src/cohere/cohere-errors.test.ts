import {
  AbortError,
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  type ProviderCall,
  RateLimitError,
  type StreamPart,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/chat-text.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import error400 from './__fixtures__/error-400.json?raw';
import error401 from './__fixtures__/error-401.json?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import { cohere } from './cohere-provider.js';

const API_KEY = 'cohere-test-canary-91ad';
const sse = { 'content-type': 'text/event-stream' };

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'command-a-reasoning-08-2025',
  request: {
    model: 'command-a-reasoning-08-2025',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
  },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

const events = (stream: string): Array<string> => stream.split(/(?<=\n\n)/);

const errorPart = (parts: Array<StreamPart>): unknown => {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${JSON.stringify(last)}`);
  return last.error;
};

describe('HTTP errors', () => {
  it("maps 429 (the SDK's TooManyRequestsError) to RateLimitError with the body and headers", async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      provider: 'cohere',
      isRetryable: true,
      body: JSON.parse(error429),
      headers: { 'x-trial-endpoint-call-remaining': '0' },
    });
    expect(error).toMatchObject({ message: expect.stringMatching(/^You are using a Trial key/) });
  });

  it('reads retry-after when a 429 carries it', async () => {
    const { fetch } = fixtureFetch({
      status: 429,
      body: error429,
      headers: { ...error429Headers, 'retry-after': '6' },
    });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(error).toMatchObject({ retryAfterMs: 6000 });
  });

  it('rejects doStream before any part when the request fails', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doStream(call()));
    expect(RateLimitError.isInstance(error)).toBe(true);
  });

  it('maps 400 to BadRequestError with the message', async () => {
    const { fetch } = fixtureFetch({ status: 400, body: error400 });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'invalid request: max_tokens must be less than or equal to 8000',
    });
  });

  it('maps 401 to AuthenticationError and never echoes the API key', async () => {
    const { fetch } = fixtureFetch({ status: 401, body: error401 });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    if (!APIError.isInstance(error)) return;
    const serialized = JSON.stringify({ message: error.message, body: error.body, headers: error.headers });
    expect(serialized).not.toContain(API_KEY);
  });

  it('keeps a non-JSON error body (a proxy page) as text', async () => {
    const html = '<html><body><h1>503 Service Unavailable</h1></body></html>\n';
    const { fetch } = fixtureFetch({ status: 503, body: html, headers: { 'content-type': 'text/html' } });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, body: html });
  });

  it('turns finish_reason ERROR into a retryable server error', async () => {
    const { fetch } = fixtureFetch({ body: textBody.replace('"COMPLETE"', '"ERROR"') });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true });
  });
});

describe('connection and malformed responses', () => {
  it('maps a failed fetch to APIConnectionError', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'cohere', isRetryable: true });
  });

  it('maps a malformed JSON body to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 60) });
    const error = await rejection(cohere({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
  });

  it('ends a stream with an error part when an event is malformed JSON', async () => {
    const corrupted = events(textStream)
      .map((event, index) => (index === 4 ? 'event: content-delta\ndata: {"type":"content-del\n\n' : event))
      .join('');
    const { fetch } = fixtureFetch({ body: corrupted, headers: sse, chunkSizes: [13] });
    const { stream } = await cohere({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta)).toEqual([
      'Bon',
      'jour',
    ]);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('ends a truncated stream (no message-end) with an error part', async () => {
    const { fetch } = fixtureFetch({ body: events(textStream).slice(0, 5).join(''), headers: sse });
    const { stream } = await cohere({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(parts.some((part) => part.type === 'finish' || part.type === 'usage')).toBe(false);
    expect(errorPart(parts)).toMatchObject({
      message: 'cohere returned a malformed stream: it ended before message-end.',
    });
  });

  it('ends a stream whose message-end reports ERROR with a typed error carrying its message', async () => {
    const failed = textStream.replace(
      '"delta":{"finish_reason":"COMPLETE"',
      '"delta":{"error":"internal server error, this has been reported to our developers","finish_reason":"ERROR"',
    );
    const { fetch } = fixtureFetch({ body: failed, headers: sse });
    const { stream } = await cohere({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(InternalServerError.isInstance(errorPart(parts))).toBe(true);
    expect(errorPart(parts)).toMatchObject({
      message: 'internal server error, this has been reported to our developers',
    });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });
});

describe('abort', () => {
  it('rejects with AbortError carrying the signal reason when aborted before the call', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const reason = new Error('caller went away');
    const error = await rejection(
      cohere({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: AbortSignal.abort(reason) })),
    );
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests).toHaveLength(0);
  });

  it('rejects with AbortError when aborted while the body is being read', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 40), stall: true });
    const controller = new AbortController();
    const pending = cohere({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: controller.signal }));
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(pending);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
  });

  it('ends a stream with an AbortError part when aborted mid-stream', async () => {
    const { fetch, requests } = fixtureFetch({
      body: events(textStream).slice(0, 5).join(''),
      headers: sse,
      stall: true,
    });
    const controller = new AbortController();
    const { stream } = await cohere({ apiKey: API_KEY, fetch }).doStream(call({ signal: controller.signal }));
    const reader = stream.getReader();
    const received: Array<StreamPart> = [];
    while (received.filter((part) => part.type === 'text-delta').length < 2) {
      const { value } = await reader.read();
      if (value !== undefined) received.push(value);
    }
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    const rest: Array<StreamPart> = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(value);
    }
    expect(rest).toHaveLength(1);
    expect(AbortError.isInstance(errorPart(rest))).toBe(true);
    expect(errorPart(rest)).toMatchObject({ cause: reason });
    expect(requests[0]?.signal?.aborted).toBe(true);
  });

  it('cancelling while a read waits on a stalled body aborts the HTTP request', async () => {
    const { fetch, requests } = fixtureFetch({
      body: events(textStream).slice(0, 4).join(''),
      headers: sse,
      stall: true,
    });
    const { stream } = await cohere({ apiKey: API_KEY, fetch }).doStream(call());
    const reader = stream.getReader();
    for (let i = 0; i < 3; i += 1) await reader.read();
    const pending = reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reader.cancel(new Error('client disconnected'));
    expect(requests[0]?.signal?.aborted).toBe(true);
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
