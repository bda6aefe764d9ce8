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
import error500 from './__fixtures__/error-500.json?raw';
import { openai } from './openai-provider.js';

const API_KEY = 'sk-test-canary-4f2b';

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'gpt-4o-mini',
  request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello in French.' }] },
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

/** The SSE events of a fixture, each with its trailing blank line. */
const events = (sse: string): Array<string> => sse.split(/(?<=\n\n)/);

const errorPart = (parts: Array<StreamPart>): unknown => {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${JSON.stringify(last)}`);
  return last.error;
};

describe('HTTP errors', () => {
  it('maps 400 to BadRequestError with the provider body preserved', async () => {
    const { fetch } = fixtureFetch({ status: 400, body: error400 });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(BadRequestError.isInstance(error)).toBe(true);
    if (!BadRequestError.isInstance(error)) return;
    expect(error).toMatchObject({
      status: 400,
      provider: 'openai',
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'unsupported_value',
      isRetryable: false,
    });
    expect(error.message).toBe(
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
    );
    expect(error.body).toEqual(JSON.parse(error400));
  });

  it('maps 401 to AuthenticationError and never echoes the API key', async () => {
    const { fetch } = fixtureFetch({ status: 401, body: error401 });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 401,
      provider: 'openai',
      code: 'invalid_api_key',
      isRetryable: false,
    });
    if (!APIError.isInstance(error)) return;
    expect(error.body).toEqual(JSON.parse(error401));
    const serialized = JSON.stringify({ message: error.message, body: error.body, headers: error.headers });
    expect(serialized).not.toContain(API_KEY);
  });

  it('maps 429 to RateLimitError with retry-after-ms and the rate-limit headers', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(RateLimitError.isInstance(error)).toBe(true);
    if (!RateLimitError.isInstance(error)) return;
    expect(error).toMatchObject({ status: 429, provider: 'openai', isRetryable: true, retryAfterMs: 120 });
    expect(error.headers).toMatchObject({ 'x-ratelimit-remaining-requests': '0', 'retry-after': '1' });
    expect(error.body).toEqual(JSON.parse(error429));
  });

  it('reads retry-after seconds when retry-after-ms is absent', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: { 'retry-after': '7' } });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(error).toMatchObject({ retryAfterMs: 7000 });
  });

  it('maps 500 to a retryable InternalServerError', async () => {
    const { fetch } = fixtureFetch({ status: 500, body: error500 });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 500,
      isRetryable: true,
      type: 'server_error',
      body: JSON.parse(error500),
    });
  });

  it('keeps a non-JSON error body (a proxy page) as text', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>\n';
    const { fetch } = fixtureFetch({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, body: html });
  });

  it('rejects doStream before any part when the stream request fails', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doStream(call()));

    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 120 });
  });
});

describe('connection and malformed responses', () => {
  it('maps a failed fetch to APIConnectionError', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'openai', isRetryable: true });
  });

  it('maps a malformed JSON body to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 200) });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'openai' });
  });

  it('maps a JSON body that is not a completion to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: '{"object":"list","data":[]}' });
    const error = await rejection(openai({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'openai returned a malformed chat completion: it has no choices.',
    });
  });

  it('ends a stream with an error part when an event is malformed JSON', async () => {
    const corrupted = events(textStream)
      .map((event, index) =>
        index === 3 ? 'data: {"id":"chatcmpl-BgH5Kd2uYpQm8rTz3wXo6nE1vJa4F","obj\n\n' : event,
      )
      .join('');
    const { fetch } = fixtureFetch({ body: corrupted, chunkSizes: [13] });
    const { stream } = await openai({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta)).toEqual([
      'Bonjour',
      ' !',
    ]);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('ends a truncated stream (no finish_reason, no [DONE]) with an error part', async () => {
    const truncated = events(textStream).slice(0, 5).join('');
    const { fetch } = fixtureFetch({ body: truncated });
    const { stream } = await openai({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(parts.some((part) => part.type === 'finish' || part.type === 'usage')).toBe(false);
    const error = errorPart(parts);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'openai returned a malformed stream: it ended before a finish_reason.',
    });
  });
});

describe('abort', () => {
  it('rejects with AbortError carrying the signal reason when aborted before the call', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const reason = new Error('caller went away');
    const error = await rejection(
      openai({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: AbortSignal.abort(reason) })),
    );

    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests).toHaveLength(0);
  });

  it('rejects with AbortError when aborted while the body is being read', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 40), stall: true });
    const controller = new AbortController();
    const pending = openai({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: controller.signal }));
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(pending);

    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
  });

  it('ends a stream with an AbortError part when aborted mid-stream', async () => {
    const head = events(textStream).slice(0, 4).join('');
    const { fetch, requests } = fixtureFetch({ body: head, stall: true });
    const controller = new AbortController();
    const { stream } = await openai({ apiKey: API_KEY, fetch }).doStream(call({ signal: controller.signal }));
    const reader = stream.getReader();

    const received: Array<StreamPart> = [];
    while (received.filter((part) => part.type === 'text-delta').length < 3) {
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
    const error = errorPart(rest);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests[0]?.signal?.aborted).toBe(true);
  });

  it('cancelling the part stream aborts the HTTP request', async () => {
    const { fetch, requests } = fixtureFetch({ body: events(textStream).slice(0, 4).join(''), stall: true });
    const { stream } = await openai({ apiKey: API_KEY, fetch }).doStream(call());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();

    expect(requests[0]?.signal?.aborted).toBe(true);
  });

  it('cancelling while a read waits on a stalled body aborts the HTTP request', async () => {
    const { fetch, requests } = fixtureFetch({ body: events(textStream).slice(0, 4).join(''), stall: true });
    const { stream } = await openai({ apiKey: API_KEY, fetch }).doStream(call());
    const reader = stream.getReader();
    for (let i = 0; i < 4; i += 1) await reader.read();
    const pending = reader.read();
    // Let the read reach the stalled HTTP body before cancelling.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reader.cancel(new Error('client disconnected'));

    expect(requests[0]?.signal?.aborted).toBe(true);
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
