import {
  APIConnectionError,
  type ProviderAdapter,
  type ProviderCall,
  type StreamPart,
  SwitchyardError,
  TimeoutError,
} from '@switchyard/core';
import fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import toolCallsStream from '../openai/__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import textBody from '../openai/__fixtures__/chat-text.json?raw';
import textStream from '../openai/__fixtures__/chat-text.sse.txt?raw';
import error429 from '../openai/__fixtures__/error-429.json?raw';
import { captureErrorBodies } from '../shared/capture-error-bodies.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import { type FixtureResponse, fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import openrouterErrorStream from './__fixtures__/openrouter-mid-stream-error.sse.txt?raw';
import { convertOpenAIChatCompletion } from './convert-openai-chat-completion.js';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import { createOpenAIPartStream } from './create-openai-part-stream.js';
import { mapOpenAIError } from './map-openai-error.js';
import type { FetchFunction } from './openai-compatible-options.js';
import { openaiCompatible } from './openai-compatible-provider.js';

const KEY = 'sk-wire-test-5b1e';
const BASE_URL = 'https://example.test/v1';

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'm',
  request: { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const adapterOn = (fetch: FetchFunction) =>
  openaiCompatible({ name: 'compat', baseURL: BASE_URL, apiKey: KEY, fetch });

describe('the chat wire request', () => {
  it('sends JSON with the key, a switchyard user-agent and no SDK platform headers', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody }, { body: textStream });
    const adapter = adapterOn(fetch);
    await adapter.doGenerate(call());
    const { stream } = await adapter.doStream(call());
    await readAll(stream);

    expect(requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      `POST ${BASE_URL}/chat/completions`,
      `POST ${BASE_URL}/chat/completions`,
    ]);
    expect(requests[0]?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
      'user-agent': `switchyard/${packageJson.version}`,
    });
    expect(requests[1]?.headers).toMatchObject({ accept: 'text/event-stream' });
    expect(requests[1]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('lets adapter headers, then call headers, override earlier ones whatever their case', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = openaiCompatible({
      name: 'compat',
      baseURL: BASE_URL,
      apiKey: KEY,
      headers: { Accept: 'application/vnd.custom+json', 'X-Tenant': 'a', 'User-Agent': 'mine/1' },
      fetch,
    });
    await adapter.doGenerate(call({ headers: { 'x-tenant': 'b', Authorization: 'Bearer per-call' } }));

    expect(requests[0]?.headers).toEqual({
      accept: 'application/vnd.custom+json',
      authorization: 'Bearer per-call',
      'content-type': 'application/json',
      'user-agent': 'mine/1',
      'x-tenant': 'b',
    });
  });

  it('keeps the base URL’s own query, with queryParams replacing parameters of the same name', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = openaiCompatible({
      name: 'compat',
      baseURL: 'https://example.test/openai/?api-version=1&tenant=a b',
      queryParams: { 'api-version': '2024-10-21', scope: "x'y" },
      fetch,
    });
    await adapter.doGenerate(call());

    expect(requests[0]?.url).toBe(
      'https://example.test/openai/chat/completions?api-version=2024-10-21&tenant=a%20b&scope=x%27y',
    );
  });

  it('fails the call, not the setup, on an invalid base URL', async () => {
    const adapter = openaiCompatible({ name: 'compat', baseURL: 'not a url', fetch: fixtureFetch().fetch });
    const error = await adapter.doGenerate(call()).catch((caught: unknown) => caught);
    expect(APIConnectionError.isInstance(error)).toBe(true);
  });

  it('reports a transport timeout as a TimeoutError, as the SDK did', async () => {
    const fetch: FetchFunction = async () => {
      throw new TypeError('fetch failed', { cause: new Error('Connect Timeout Error') });
    };
    const error = await adapterOn(fetch)
      .doGenerate(call())
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
  });
});

describe('the chat event stream', () => {
  it('ignores everything after data: [DONE]', async () => {
    const { fetch } = fixtureFetch({ body: `${textStream}data: {"broken\n\ndata: [DONE]\n\n` });
    const parts = await readAll((await adapterOn(fetch).doStream(call())).stream);
    expect(parts.at(-1)?.type).toBe('usage');
  });

  it('ends with the typed error of an `event: error` event', async () => {
    const head = textStream
      .split(/(?<=\n\n)/)
      .slice(0, 3)
      .join('');
    const body = `${head}event: error\ndata: {"error":{"message":"Overloaded","code":529}}\n\n`;
    const { fetch } = fixtureFetch({ body, chunkSizes: [9] });
    const parts = await readAll((await adapterOn(fetch).doStream(call())).stream);
    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    expect(last?.type === 'error' ? last.error : undefined).toMatchObject({
      message: 'Overloaded',
      provider: 'compat',
      status: 529,
    });
  });

  it('stops listening to the call’s signal once the stream has ended', async () => {
    const { fetch, requests } = fixtureFetch({ body: textStream });
    const controller = new AbortController();
    await readAll((await adapterOn(fetch).doStream(call({ signal: controller.signal }))).stream);
    controller.abort();
    expect(requests[0]?.signal?.aborted).toBe(false);
  });
});

/**
 * The chat path as it was before it went to the wire directly: `client.chat.completions.create` of
 * the official SDK, its errors through the same `mapOpenAIError`. The direct path must match it.
 */
function sdkReference(fetch: FetchFunction): ChatAdapter {
  const errorBodies = captureErrorBodies(redactSecretsFetch(fetch, [KEY]));
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: BASE_URL,
    organization: null,
    project: null,
    fetch: errorBodies.fetch,
    maxRetries: 0,
    logLevel: 'off',
  });
  const mapError = (error: unknown, signal: AbortSignal) =>
    mapOpenAIError(error, {
      provider: 'compat',
      timeoutMs: client.timeout,
      errorBodyFor: errorBodies.bodyFor,
      secrets: [KEY],
      signal,
    });
  const convert = { provider: 'compat', unsupported: [], sendReasoningContent: true, modelId: 'm' };
  return {
    async doGenerate(providerCall: ProviderCall) {
      const { body, warnings } = convertToOpenAIRequest({
        ...convert,
        request: providerCall.request,
        stream: false,
      });
      const completion = await client.chat.completions
        .create(body, { signal: providerCall.signal })
        .catch((error: unknown) => {
          throw mapError(error, providerCall.signal);
        });
      const result = convertOpenAIChatCompletion(completion, 'compat');
      return { ...result, warnings: [...warnings, ...result.warnings] };
    },
    async doStream(providerCall: ProviderCall) {
      const { body, warnings } = convertToOpenAIRequest({
        ...convert,
        request: providerCall.request,
        stream: true,
      });
      const chunks = await client.chat.completions
        .create(body, { signal: providerCall.signal })
        .catch((error: unknown) => {
          throw mapError(error, providerCall.signal);
        });
      const stream = createOpenAIPartStream({
        chunks,
        abort: () => chunks.controller.abort(),
        provider: 'compat',
        signal: providerCall.signal,
        mapError: (error) => mapError(error, providerCall.signal),
      });
      return { stream, warnings };
    },
  };
}

const VISIBLE = ['provider', 'status', 'body', 'code', 'type', 'param', 'isRetryable', 'retryAfterMs'];

/** What a caller can see of an outcome: the value, or the error's class, message, status, body… */
const observable = (outcome: unknown): unknown => {
  if (!SwitchyardError.isInstance(outcome)) return outcome;
  const fields = Object.entries(outcome).filter(([key]) => VISIBLE.includes(key));
  return { name: outcome.name, message: outcome.message, ...Object.fromEntries(fields) };
};

type ChatAdapter = Pick<ProviderAdapter, 'doGenerate' | 'doStream'>;

const outcomes = async (
  create: (fetch: FetchFunction) => ChatAdapter,
  response: FixtureResponse,
  stream: boolean,
) => {
  const adapter = create(fixtureFetch(response).fetch);
  try {
    if (!stream) return observable(await adapter.doGenerate(call()));
    const parts: Array<StreamPart> = await readAll((await adapter.doStream(call())).stream);
    return parts.map((part) =>
      part.type === 'error' ? { type: 'error', error: observable(part.error) } : part,
    );
  } catch (error) {
    return { rejected: observable(error) };
  }
};

const direct = (fetch: FetchFunction): ChatAdapter => adapterOn(fetch);

/** A recorded body cut short, with bytes removed, or with framing or JSON debris inserted. */
const damaged = (body: string): fc.Arbitrary<string> => {
  const at = fc.nat({ max: body.length });
  const debris = fc.constantFrom(
    '\n\n',
    '\r\n',
    'data: {',
    'data: [DONE]\n\n',
    ': ping\n',
    'event: error\n',
    'data: {"error":{"message":"boom","code":"429"}}\n\n',
    `data: {"error":"${KEY}"}\n\n`,
    '"',
    '}',
  );
  return fc.oneof(
    at.map((end) => body.slice(0, end)),
    fc
      .tuple(at, fc.nat({ max: 80 }))
      .map(([start, length]) => body.slice(0, start) + body.slice(start + length)),
    fc.tuple(at, debris).map(([start, extra]) => body.slice(0, start) + extra + body.slice(start)),
  );
};

const statusBody = fc.constantFrom(
  error429,
  '<html><body>502 Bad Gateway</body></html>',
  '',
  '{"error":null}',
  '"just a string"',
  `{"error":{"message":"Incorrect API key provided: ${KEY}."}}`,
);

describe('parity with the SDK path (differential)', () => {
  it('maps any completion response exactly as client.chat.completions.create did', async () => {
    const response: fc.Arbitrary<FixtureResponse> = fc.oneof(
      fc.record({
        body: damaged(textBody),
        headers: fc.constantFrom(
          {},
          { 'content-type': 'text/plain' },
          { 'content-type': 'application/problem+json; charset=utf-8' },
        ),
        chunkSizes: fc.constant([17]),
      }),
      fc.record({ status: fc.constantFrom(400, 401, 404, 418, 429, 500, 503), body: statusBody }),
    );
    await fc.assert(
      fc.asyncProperty(response, async (answer) => {
        expect(await outcomes(direct, answer, false)).toEqual(await outcomes(sdkReference, answer, false));
      }),
      { numRuns: 150 },
    );
  });

  it('maps any event stream exactly as the SDK’s Stream did', async () => {
    const response = fc.record({
      body: fc.constantFrom(textStream, toolCallsStream, openrouterErrorStream).chain(damaged),
      chunkSizes: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(response, async (answer) => {
        expect(await outcomes(direct, answer, true)).toEqual(await outcomes(sdkReference, answer, true));
      }),
      { numRuns: 150 },
    );
  });
});
