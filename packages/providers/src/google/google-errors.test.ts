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
  TimeoutError,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import error400ApiKey from './__fixtures__/error-400-api-key-invalid.json?raw';
import error400 from './__fixtures__/error-400-invalid-argument.json?raw';
import error403 from './__fixtures__/error-403.json?raw';
import error404 from './__fixtures__/error-404.json?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import error500 from './__fixtures__/error-500.json?raw';
import error503 from './__fixtures__/error-503.json?raw';
import textBody from './__fixtures__/generate-content-text.json?raw';
import midStreamError from './__fixtures__/stream-mid-error.sse.txt?raw';
import textStream from './__fixtures__/stream-text.sse.txt?raw';
import truncatedStream from './__fixtures__/stream-truncated.sse.txt?raw';
import { google } from './google-provider.js';

const API_KEY = 'AIza-test-canary-5c1d';
/** The stream's first event alone, to serve before a stall. */
const firstEvent = `${textStream.split('\r\n\r\n')[0]}\r\n\r\n`;

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'gemini-2.5-flash',
  request: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Say hello in French.' }] },
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

const errorPart = (parts: Array<StreamPart>): unknown => {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${JSON.stringify(last)}`);
  return last.error;
};

/** Everything an error exposes, to check that the API key appears nowhere. */
const everything = (error: unknown): string =>
  error instanceof Error
    ? `${error.message} ${JSON.stringify(error)} ${String(error.cause)} ${error.stack}`
    : String(error);

describe('Google error statuses → typed errors', () => {
  it.each([
    [400, error400, BadRequestError, false],
    [400, error400ApiKey, BadRequestError, false],
    [403, error403, PermissionDeniedError, false],
    [404, error404, NotFoundError, false],
    [500, error500, InternalServerError, true],
    [503, error503, InternalServerError, true],
  ] as const)(
    'HTTP %i keeps the body exactly as Google sent it',
    async (status, body, ErrorClass, retryable) => {
      const { fetch, requests } = fixtureFetch({ status, body });
      const error = await rejection(google({ apiKey: API_KEY, fetch }).doGenerate(call()));
      expect(ErrorClass.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({
        status,
        provider: 'google',
        isRetryable: retryable,
        body: JSON.parse(body),
        message: JSON.parse(body).error.message,
      });
      // The SDK retries nothing: the gateway owns retries.
      expect(requests).toHaveLength(1);
      expect(everything(error)).not.toContain(API_KEY);
    },
  );

  it('RESOURCE_EXHAUSTED is a RateLimitError whose retryAfterMs comes from RetryInfo', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(google({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      isRetryable: true,
      retryAfterMs: 7000,
      headers: { server: 'scaffolding on HTTPServer2' },
      body: { error: { status: 'RESOURCE_EXHAUSTED' } },
    });
  });

  it('a retry-after header wins over RetryInfo', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: { 'retry-after': '2' } });
    const error = await rejection(google({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(error).toMatchObject({ retryAfterMs: 2000 });
  });

  it('a 503 with RetryInfo stays an InternalServerError with the delay', async () => {
    const body = JSON.stringify({
      error: {
        code: 503,
        message: 'The model is overloaded. Please try again later.',
        status: 'UNAVAILABLE',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }],
      },
    });
    const error = await rejection(
      google({ apiKey: API_KEY, fetch: fixtureFetch({ status: 503, body }).fetch }).doGenerate(call()),
    );
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 1500 });
  });

  it('an HTTP error on a stream rejects doStream before any part', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const error = await rejection(google({ apiKey: API_KEY, fetch }).doStream(call()));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it('a non-JSON error body is kept as text', async () => {
    const { fetch } = fixtureFetch({
      status: 502,
      body: '<html>Bad Gateway</html>',
      headers: { 'content-type': 'text/html' },
    });
    const error = await rejection(google({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(error).toMatchObject({ status: 502, body: '<html>Bad Gateway</html>' });
  });

  it('a missing API key is an AuthenticationError before any request', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const previous = [globalThis.process?.env?.GEMINI_API_KEY, globalThis.process?.env?.GOOGLE_API_KEY];
    if (globalThis.process?.env !== undefined) {
      delete globalThis.process.env.GEMINI_API_KEY;
      delete globalThis.process.env.GOOGLE_API_KEY;
    }
    try {
      const error = await rejection(google({ fetch }).doGenerate(call()));
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect(requests).toHaveLength(0);
    } finally {
      if (globalThis.process?.env !== undefined) {
        if (previous[0] !== undefined) globalThis.process.env.GEMINI_API_KEY = previous[0];
        if (previous[1] !== undefined) globalThis.process.env.GOOGLE_API_KEY = previous[1];
      }
    }
  });
});

describe('broken responses and streams → typed errors', () => {
  it('an error event in the middle of a 200 stream ends it with a typed error part', async () => {
    const { fetch } = fixtureFetch({ body: midStreamError, chunkSizes: [9] });
    const parts = await readAll((await google({ apiKey: API_KEY, fetch }).doStream(call())).stream);
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'text-delta', 'error']);
    const error = errorPart(parts);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 503,
      isRetryable: true,
      body: {
        error: {
          code: 503,
          message: 'The model is overloaded. Please try again later.',
          status: 'UNAVAILABLE',
        },
      },
      message: 'The model is overloaded. Please try again later.',
    });
  });

  it('a stream that ends before a finishReason is an error, not a short answer', async () => {
    const { fetch } = fixtureFetch({ body: truncatedStream });
    const parts = await readAll((await google({ apiKey: API_KEY, fetch }).doStream(call())).stream);
    expect(parts.filter((part) => part.type === 'usage')).toEqual([]);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('a stream cut inside an event is an error', async () => {
    const { fetch } = fixtureFetch({ body: textStream.slice(0, 200) });
    const parts = await readAll((await google({ apiKey: API_KEY, fetch }).doStream(call())).stream);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('malformed JSON in a body or an event is an APIConnectionError', async () => {
    const body = await rejection(
      google({ apiKey: API_KEY, fetch: fixtureFetch({ body: '{"candidates": [' }).fetch }).doGenerate(call()),
    );
    expect(APIConnectionError.isInstance(body)).toBe(true);
    expect(String(body)).toContain('malformed JSON');
    const { fetch } = fixtureFetch({ body: 'data: {"candidates": [}\r\n\r\n' });
    const parts = await readAll((await google({ apiKey: API_KEY, fetch }).doStream(call())).stream);
    expect(APIConnectionError.isInstance(errorPart(parts))).toBe(true);
  });

  it('a body that is not a response is an APIConnectionError', async () => {
    const error = await rejection(
      google({ apiKey: API_KEY, fetch: fixtureFetch({ body: '{}' }).fetch }).doGenerate(call()),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(String(error)).toContain('no candidates');
  });

  it('a connection failure is an APIConnectionError without the key', async () => {
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND') });
    };
    const error = await rejection(google({ apiKey: API_KEY, fetch }).doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(APIError.isInstance(error)).toBe(false);
    expect(everything(error)).not.toContain(API_KEY);
  });
});

describe('abort', () => {
  it('an aborted signal is an AbortError with the reason as cause', async () => {
    const controller = new AbortController();
    const reason = new TimeoutError(50);
    controller.abort(reason);
    const { fetch } = fixtureFetch({ body: textBody });
    const error = await rejection(
      google({ apiKey: API_KEY, fetch }).doGenerate(call({ signal: controller.signal })),
    );
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toHaveProperty('cause', reason);
  });

  it('aborting mid-stream ends the stream with an AbortError', async () => {
    const controller = new AbortController();
    const { fetch } = fixtureFetch({ body: firstEvent, stall: true });
    const { stream } = await google({ apiKey: API_KEY, fetch }).doStream(call({ signal: controller.signal }));
    const reader = stream.getReader();
    expect((await reader.read()).value).toMatchObject({ type: 'response-metadata' });
    expect((await reader.read()).value).toMatchObject({ type: 'text-delta' });
    const reason = new Error('user left');
    setTimeout(() => controller.abort(reason), 5);
    const next = await reader.read();
    expect(next.value?.type).toBe('error');
    const error = next.value?.type === 'error' ? next.value.error : undefined;
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toHaveProperty('cause', reason);
  });

  it('cancelling the part stream aborts the HTTP request', async () => {
    const { fetch, requests } = fixtureFetch({ body: firstEvent, stall: true });
    const { stream } = await google({ apiKey: API_KEY, fetch }).doStream(call());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(requests[0]?.signal?.aborted).toBe(true);
  });
});
