import {
  AbortError,
  APIConnectionError,
  APIError,
  AuthenticationError,
  InternalServerError,
  type ProviderCall,
  RateLimitError,
  type StreamPart,
  UnprocessableEntityError,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/chat-text.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import error401 from './__fixtures__/error-401.json?raw';
import error422 from './__fixtures__/error-422.json?raw';
import error422Detail from './__fixtures__/error-422-detail.json?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import { mistral } from './mistral-provider.js';

const API_KEY = 'mistral-test-canary-7c1e';

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'mistral-small-latest',
  request: { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Say hello in French.' }] },
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

const events = (sse: string): Array<string> => sse.split(/(?<=\n\n)/);

const errorPart = (parts: Array<StreamPart>): unknown => {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${JSON.stringify(last)}`);
  return last.error;
};

describe('HTTP errors', () => {
  it('maps 429 to RateLimitError with retry-after, the rate-limit headers and the body', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      provider: 'mistral',
      isRetryable: true,
      retryAfterMs: 2000,
      message: 'Rate limit exceeded',
      type: 'rate_limited',
      code: '1300',
      body: JSON.parse(error429),
    });
    expect(error).toMatchObject({ headers: { 'x-ratelimit-remaining-req-minute': '0' } });
  });

  it('rejects doStream before any part when the request fails', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doStream(call()));
    expect(RateLimitError.isInstance(error)).toBe(true);
  });

  it('turns a 422 validation body (message.detail) into a readable message, keeping the body', async () => {
    const { fetch } = fixtureFetch({ status: 422, body: error422 });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(UnprocessableEntityError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 422,
      isRetryable: false,
      message: 'Invalid request: body.messages.0.user.name: Extra inputs are not permitted',
      body: JSON.parse(error422),
    });
  });

  it('reads a bare FastAPI detail list too', async () => {
    const { fetch } = fixtureFetch({ status: 422, body: error422Detail });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(error).toMatchObject({
      message: 'Invalid request: body.messages.2.assistant.reasoning_content: Extra inputs are not permitted',
    });
  });

  it('maps 401 to AuthenticationError and never echoes the API key', async () => {
    const { fetch } = fixtureFetch({ status: 401, body: error401 });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    if (!APIError.isInstance(error)) return;
    expect(error.message).toBe('Unauthorized');
    const serialized = JSON.stringify({ message: error.message, body: error.body, headers: error.headers });
    expect(serialized).not.toContain(API_KEY);
  });

  it('keeps a non-JSON error body (a proxy page) as text', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>\n';
    const { fetch } = fixtureFetch({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, body: html });
  });

  it('turns finish_reason "error" into a retryable server error', async () => {
    const body = textBody.replace('"finish_reason":"stop"', '"finish_reason":"error"');
    const { fetch } = fixtureFetch({ body });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true });
  });
});

describe('connection and malformed responses', () => {
  it('maps a failed fetch to APIConnectionError', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'mistral', isRetryable: true });
  });

  it('maps a malformed JSON body to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 120) });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
  });

  it('maps a JSON body that is not a completion to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: '{"object":"list","data":[]}' });
    const error = await rejection(mistral({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
  });

  it('ends a stream with an error part when an event is malformed JSON', async () => {
    const corrupted = events(textStream)
      .map((event, index) =>
        index === 3 ? 'data: {"id":"9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d","obj\n\n' : event,
      )
      .join('');
    const { fetch } = fixtureFetch({ body: corrupted, chunkSizes: [13] });
    const { stream } = await mistral({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta)).toEqual([
      'Bon',
      'jour',
    ]);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('ends a truncated stream (no finish_reason, no [DONE]) with an error part', async () => {
    const { fetch } = fixtureFetch({ body: events(textStream).slice(0, 4).join('') });
    const { stream } = await mistral({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(parts.some((part) => part.type === 'finish' || part.type === 'usage')).toBe(false);
    expect(errorPart(parts)).toMatchObject({
      message: 'mistral returned a malformed stream: it ended before a finish_reason.',
    });
  });

  it('ends a stream whose choice finishes with "error" with a typed error part', async () => {
    const body = textStream.replace('"finish_reason":"stop"', '"finish_reason":"error"');
    const { fetch } = fixtureFetch({ body });
    const { stream } = await mistral({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(InternalServerError.isInstance(errorPart(parts))).toBe(true);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });
});

describe('abort', () => {
  it('rejects with AbortError carrying the signal reason when aborted before the call', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const reason = new Error('caller went away');
    const error = await rejection(
      mistral({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: AbortSignal.abort(reason) })),
    );
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests).toHaveLength(0);
  });

  it('rejects with AbortError when aborted while the body is being read', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 40), stall: true });
    const controller = new AbortController();
    const pending = mistral({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: controller.signal }));
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(pending);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
  });

  it('ends a stream with an AbortError part when aborted mid-stream', async () => {
    const { fetch, requests } = fixtureFetch({ body: events(textStream).slice(0, 4).join(''), stall: true });
    const controller = new AbortController();
    const { stream } = await mistral({ apiKey: API_KEY, fetch }).doStream(
      call({ signal: controller.signal }),
    );
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
    const { fetch, requests } = fixtureFetch({ body: events(textStream).slice(0, 3).join(''), stall: true });
    const { stream } = await mistral({ apiKey: API_KEY, fetch }).doStream(call());
    const reader = stream.getReader();
    for (let i = 0; i < 3; i += 1) await reader.read();
    const pending = reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reader.cancel(new Error('client disconnected'));
    expect(requests[0]?.signal?.aborted).toBe(true);
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
