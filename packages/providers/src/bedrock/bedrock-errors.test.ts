import {
  AbortError,
  APIConnectionError,
  APIError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  type ProviderCall,
  RateLimitError,
  RequestTimeoutError,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { type FixtureResponse, fixtureFetch } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/converse-text.json?raw';
import errorResponses from './__fixtures__/error-responses.json';
import throttlingHeaders from './__fixtures__/error-throttling.headers.json';
import throttlingBody from './__fixtures__/error-throttling.json?raw';
import { bedrock } from './bedrock-provider.js';

const SECRET = 'wJalrXUtnFEMI/secret-canary-7d41';
const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: MODEL_ID,
  request: { model: MODEL_ID, messages: [{ role: 'user', content: 'Say hello in French.' }] },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const adapterFor = (...responses: ReadonlyArray<FixtureResponse>) => {
  const { fetch, requests } = fixtureFetch(...responses);
  const adapter = bedrock({
    fetch,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
  });
  return { adapter, requests };
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

const expected: Record<string, { status: number; errorClass: typeof APIError; retryable: boolean }> = {
  ValidationException: { status: 400, errorClass: BadRequestError, retryable: false },
  AccessDeniedException: { status: 403, errorClass: PermissionDeniedError, retryable: false },
  ResourceNotFoundException: { status: 404, errorClass: NotFoundError, retryable: false },
  ModelTimeoutException: { status: 408, errorClass: RequestTimeoutError, retryable: true },
  ModelNotReadyException: { status: 503, errorClass: InternalServerError, retryable: true },
  // The model's own status (originalStatusCode 500), not Bedrock's 424.
  ModelErrorException: { status: 500, errorClass: InternalServerError, retryable: true },
  InternalServerException: { status: 500, errorClass: InternalServerError, retryable: true },
  ServiceUnavailableException: { status: 503, errorClass: InternalServerError, retryable: true },
  // Not a modelled status: the wire status stands.
  ServiceQuotaExceededException: { status: 400, errorClass: BadRequestError, retryable: false },
};

describe('HTTP errors', () => {
  it('maps ThrottlingException (429) to a retryable RateLimitError with body and headers', async () => {
    const { adapter } = adapterFor({ status: 429, body: throttlingBody, headers: throttlingHeaders });
    const error = await rejection(adapter.doGenerate(call()));

    expect(RateLimitError.isInstance(error)).toBe(true);
    if (!RateLimitError.isInstance(error)) return;
    expect(error).toMatchObject({
      status: 429,
      provider: 'bedrock',
      isRetryable: true,
      message: 'Too many requests, please wait before trying again.',
      body: JSON.parse(throttlingBody),
    });
    expect(error.headers).toMatchObject({
      'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
      'x-amzn-requestid': '5b9ea8f1-3c4d-4a7e-9f1b-2d8c6e0a7b35',
    });
  });

  it('honours retry-after when a proxy in front of Bedrock sends one', async () => {
    const { adapter } = adapterFor({
      status: 429,
      body: throttlingBody,
      headers: { ...throttlingHeaders, 'retry-after': '3' },
    });
    expect(await rejection(adapter.doGenerate(call()))).toMatchObject({ retryAfterMs: 3000 });
  });

  it.each(errorResponses.map((response) => [response.exception, response] as const))(
    'maps %s to its status and class, body preserved',
    async (exception, response) => {
      const { adapter } = adapterFor({
        status: response.status,
        body: response.body,
        headers: response.headers,
      });
      const error = await rejection(adapter.doGenerate(call()));
      const { status, errorClass, retryable } = expected[exception] ?? {
        status: 0,
        errorClass: APIError,
        retryable: false,
      };

      expect(errorClass.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({
        status,
        isRetryable: retryable,
        provider: 'bedrock',
        body: JSON.parse(response.body),
        message: JSON.parse(response.body).message,
        headers: { 'x-amzn-errortype': response.headers['x-amzn-errortype'] },
      });
    },
  );

  it('keeps a non-JSON error body (a proxy page) as text', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>\n';
    const { adapter } = adapterFor({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const error = await rejection(adapter.doGenerate(call()));

    expect(InternalServerError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, body: html, isRetryable: true });
  });

  it('rejects doStream before any part when the request fails', async () => {
    const { adapter } = adapterFor({ status: 429, body: throttlingBody, headers: throttlingHeaders });
    const error = await rejection(adapter.doStream(call()));
    expect(RateLimitError.isInstance(error)).toBe(true);
  });

  it('never puts the secret key in an error', async () => {
    const { adapter } = adapterFor({
      status: 403,
      body: '{"message":"The security token included in the request is invalid."}',
    });
    const error = await rejection(adapter.doGenerate(call()));
    expect(PermissionDeniedError.isInstance(error)).toBe(true);
    if (!APIError.isInstance(error)) return;
    const serialized = JSON.stringify({ message: error.message, body: error.body, headers: error.headers });
    expect(serialized).not.toContain(SECRET);
    expect(String(error.stack)).not.toContain(SECRET);
  });

  it('makes exactly one attempt: retries belong to the gateway', async () => {
    const unavailable = errorResponses.find(
      (response) => response.exception === 'ServiceUnavailableException',
    );
    if (unavailable === undefined) throw new Error('fixture missing');
    const { adapter, requests } = adapterFor({ ...unavailable });
    await rejection(adapter.doGenerate(call()));
    expect(requests).toHaveLength(1);
  });
});

describe('connection failures and malformed responses', () => {
  it('maps a failed fetch to APIConnectionError', async () => {
    const adapter = bedrock({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
    });
    const error = await rejection(adapter.doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'bedrock', isRetryable: true });
  });

  it('maps a truncated JSON body to APIConnectionError', async () => {
    const { adapter } = adapterFor({ body: textBody.slice(0, 120) });
    const error = await rejection(adapter.doGenerate(call()));
    expect(APIConnectionError.isInstance(error), String(error)).toBe(true);
  });

  it('maps a JSON body that is not a Converse response to APIConnectionError', async () => {
    const { adapter } = adapterFor({ body: '{"metrics":{"latencyMs":1}}' });
    const error = await rejection(adapter.doGenerate(call()));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'bedrock returned a malformed Converse response: it has no output message.',
    });
  });
});

describe('abort', () => {
  it('rejects with AbortError carrying the reason, without a request, when aborted before the call', async () => {
    const { adapter, requests } = adapterFor({ body: textBody });
    const reason = new Error('caller went away');
    const error = await rejection(adapter.doGenerate(call({ signal: AbortSignal.abort(reason) })));

    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests).toHaveLength(0);
  });

  it('rejects with AbortError when aborted while the body is being read', async () => {
    const { adapter, requests } = adapterFor({ body: textBody.slice(0, 40), stall: true });
    const controller = new AbortController();
    const pending = adapter.doGenerate(call({ signal: controller.signal }));
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(pending);

    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
    expect(requests[0]?.signal?.aborted).toBe(true);
  });
});
