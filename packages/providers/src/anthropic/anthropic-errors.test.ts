import {
  AbortError,
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  type ProviderCall,
  RateLimitError,
  type StreamPart,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import error400 from './__fixtures__/error-400.json?raw';
import error401 from './__fixtures__/error-401.json?raw';
import error403 from './__fixtures__/error-403.json?raw';
import error404 from './__fixtures__/error-404.json?raw';
import error413 from './__fixtures__/error-413.json?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import error500 from './__fixtures__/error-500.json?raw';
import error529 from './__fixtures__/error-529.json?raw';
import overloadedStream from './__fixtures__/messages-overloaded-mid-stream.sse.txt?raw';
import textBody from './__fixtures__/messages-text.json?raw';
import textStream from './__fixtures__/messages-text.sse.txt?raw';
import { anthropic } from './anthropic-provider.js';

const API_KEY = 'sk-ant-test-canary-7c1e';
const sse = { 'content-type': 'text/event-stream; charset=utf-8' };

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'claude-sonnet-4-6',
  request: { model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'Say hello in French.' }] },
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
const events = (stream: string): Array<string> => stream.split(/(?<=\n\n)/);

const errorPart = (parts: Array<StreamPart>): unknown => {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${JSON.stringify(last)}`);
  return last.error;
};

describe('HTTP errors', () => {
  it.each([
    [400, error400, BadRequestError, 'invalid_request_error', false],
    [401, error401, AuthenticationError, 'authentication_error', false],
    [403, error403, PermissionDeniedError, 'permission_error', false],
    [404, error404, NotFoundError, 'not_found_error', false],
    [413, error413, APIError, 'request_too_large', false],
    [500, error500, InternalServerError, 'api_error', true],
    [529, error529, InternalServerError, 'overloaded_error', true],
  ] as const)(
    'HTTP %i becomes %o with Anthropic’s body and type',
    async (status, body, ErrorClass, type, retryable) => {
      const { fetch } = fixtureFetch({ status, body });
      const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

      expect(ErrorClass.isInstance(error)).toBe(true);
      if (!APIError.isInstance(error)) return;
      expect(error).toMatchObject({ status, type, provider: 'anthropic', isRetryable: retryable });
      const parsed: unknown = JSON.parse(body);
      expect(error.body).toEqual(parsed);
      expect(error.message).toBe((parsed as { error: { message: string } }).error.message);
      expect(
        JSON.stringify({ message: error.message, body: error.body, headers: error.headers }),
      ).not.toContain(API_KEY);
    },
  );

  it('maps 429 to RateLimitError with retry-after and the rate-limit headers', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(RateLimitError.isInstance(error)).toBe(true);
    if (!RateLimitError.isInstance(error)) return;
    expect(error).toMatchObject({
      status: 429,
      provider: 'anthropic',
      isRetryable: true,
      retryAfterMs: 18_000,
    });
    expect(error.headers).toMatchObject({
      'anthropic-ratelimit-requests-remaining': '0',
      'request-id': 'req_011CfTEhM8Wq3Lz6Xn2Rk5Pv',
    });
    expect(error.body).toEqual(JSON.parse(error429));
  });

  it('keeps a non-JSON error body (a proxy page) as text', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>\n';
    const { fetch } = fixtureFetch({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, body: html, isRetryable: true });
  });

  it('rejects doStream before any part when the stream request fails', async () => {
    const { fetch } = fixtureFetch({ status: 529, body: error529 });
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doStream(call()));

    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error', isRetryable: true });
  });

  it('turns an error payload sent with HTTP 200 into its typed error', async () => {
    const { fetch } = fixtureFetch({ body: error529 });
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error', body: JSON.parse(error529) });
  });
});

describe('errors inside a stream', () => {
  it('ends the stream with a typed, retryable error part for a mid-stream overloaded_error event', async () => {
    const { fetch } = fixtureFetch({ body: overloadedStream, headers: sse, chunkSizes: [11] });
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta)).toEqual([
      'Bon',
      'jour',
    ]);
    expect(parts.some((part) => part.type === 'finish' || part.type === 'usage')).toBe(false);
    const error = errorPart(parts);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 529,
      type: 'overloaded_error',
      message: 'Overloaded',
      isRetryable: true,
      provider: 'anthropic',
      body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
  });

  it('ends a stream with an APIConnectionError part when an event is malformed JSON', async () => {
    const corrupted = events(textStream)
      .map((event, index) =>
        index === 4 ? 'event: content_block_delta\ndata: {"type":"content_block_delta","ind\n\n' : event,
      )
      .join('');
    const { fetch } = fixtureFetch({ body: corrupted, headers: sse, chunkSizes: [13] });
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta)).toEqual(['Bon']);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('ends a truncated stream (no message_stop) with an error part, not a finish', async () => {
    const truncated = events(textStream).slice(0, -1).join('');
    const { fetch } = fixtureFetch({ body: truncated, headers: sse });
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(parts.some((part) => part.type === 'finish' || part.type === 'usage')).toBe(false);
    const error = errorPart(parts);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'anthropic returned a malformed stream: it ended before message_stop.',
    });
  });
});

describe('connection and malformed responses', () => {
  it('maps a failed fetch to APIConnectionError', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'anthropic', isRetryable: true });
  });

  it('maps a malformed JSON body to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 120) });
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'anthropic' });
  });

  it('maps a JSON body that is not a message to APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: '{"data":[],"has_more":false}' });
    const error = await rejection(anthropic({ apiKey: API_KEY, fetch }).doGenerate(call()));

    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ message: 'anthropic returned a malformed message: it has no content.' });
  });
});

describe('abort', () => {
  it('rejects with AbortError carrying the signal reason when aborted before the call', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const reason = new Error('caller went away');
    const error = await rejection(
      anthropic({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: AbortSignal.abort(reason) })),
    );

    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests).toHaveLength(0);
  });

  it('rejects with AbortError when aborted while the body is being read', async () => {
    const { fetch } = fixtureFetch({ body: textBody.slice(0, 40), stall: true });
    const controller = new AbortController();
    const pending = anthropic({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: controller.signal }));
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(pending);

    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
  });

  it('ends a stream with an AbortError part when aborted mid-stream', async () => {
    // Up to the first text delta, then the body stalls.
    const head = events(textStream).slice(0, 4).join('');
    const { fetch, requests } = fixtureFetch({ body: head, headers: sse, stall: true });
    const controller = new AbortController();
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(
      call({ signal: controller.signal }),
    );
    const reader = stream.getReader();

    const received: Array<StreamPart> = [];
    while (!received.some((part) => part.type === 'text-delta')) {
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
    const { fetch, requests } = fixtureFetch({
      body: events(textStream).slice(0, 5).join(''),
      headers: sse,
      stall: true,
    });
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(call());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();

    expect(requests[0]?.signal?.aborted).toBe(true);
  });
});
