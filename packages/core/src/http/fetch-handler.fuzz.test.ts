import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, anyText, chatBody, embeddingBody } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { createGateway } from '../gateway/create-gateway.js';
import { mockProvider } from '../testing/mock-provider.js';
import { IN_PROCESS_BASE_URL } from './wrap-openai.js';

const gateway = createGateway({
  providers: { mock: mockProvider({ reply: 'Hello from the mock', embeddingDimensions: 2 }) },
  maxRetries: 0,
  retryBaseDelayMs: 0,
});
const models = fc.constantFrom('mock/gpt-test', 'gpt-test', 'prompt:greeting', 'other/gpt-test');
const endpoint = fc.constantFrom('/chat/completions', '/embeddings');

const isOpenAIError = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'type' in error &&
    typeof error.type === 'string' &&
    'code' in error &&
    (error.code === null || typeof error.code === 'string') &&
    'param' in error &&
    (error.param === null || typeof error.param === 'string')
  );
};

/** A success (read to its end) or a 4xx OpenAI error JSON; never a 5xx, a rejection or a hang. */
const expectServedOrRejected = async (response: Response): Promise<void> => {
  const text = await response.text();
  if (response.ok) return;
  expect(response.status, text).toBeGreaterThanOrEqual(400);
  expect(response.status, text).toBeLessThan(500);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(isOpenAIError(JSON.parse(text)), text).toBe(true);
};

const post = (path: string, body: BodyInit, headers: HeadersInit = {}) =>
  gateway.fetch(`${IN_PROCESS_BASE_URL}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** Brackets `depth` levels deep, as text: `[[[…]]]` or `{"a":{"a":…}}`. */
const nested = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Header values a client could send (visible ASCII, no surrounding spaces). */
const headerValue = fc.oneof(
  fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/),
  fc.json({ maxDepth: 2 }),
  fc.constantFrom('exact', 'semantic', 'off', 'true', 'false', '0', '-1', '1.5', '1e3', '{"team":"a"}'),
);
/** A timeout the request can meet (a 1 ms timeout is a 504 the caller asked for), or a malformed one. */
const timeoutValue = headerValue.filter((value) => !/^\s*\d+\s*$/.test(value) || Number(value) >= 5_000);
const switchyardHeaders = fc.record(
  {
    'x-switchyard-timeout': timeoutValue,
    ...Object.fromEntries(
      [
        'x-switchyard-metadata',
        'x-switchyard-cache',
        'x-switchyard-cache-ttl',
        'x-switchyard-cache-force-refresh',
        'x-switchyard-max-retries',
        'x-switchyard-prompt-variables',
        'x-switchyard-route',
        'x-switchyard-trace-id',
        'traceparent',
      ].map((name) => [name, headerValue]),
    ),
  },
  { requiredKeys: [] },
);
describe('gateway.fetch (fuzz)', () => {
  it(
    'answers any body text with a result or a 4xx OpenAI error',
    async () => {
      const bodyText = fc.oneof(
        anyText,
        anyJson.map((value) => JSON.stringify(value)),
        chatBody(models).map((body) => JSON.stringify(body)),
        // Valid JSON cut short, or with a stray character.
        chatBody(models).chain((body) => {
          const text = JSON.stringify(body);
          return fc.nat({ max: text.length }).map((at) => text.slice(0, at));
        }),
      );
      await fc.assert(
        fc.asyncProperty(endpoint, bodyText, async (path, body) => {
          await expectServedOrRejected(await post(path, body));
        }),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'answers well-typed and mistyped bodies and x-switchyard-* headers with a result or a 4xx',
    async () => {
      const body = fc.oneof(chatBody(models), embeddingBody(models));
      await fc.assert(
        fc.asyncProperty(endpoint, body, switchyardHeaders, async (path, value, headers) => {
          await expectServedOrRejected(await post(path, JSON.stringify(value), headers));
        }),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'answers arbitrary bytes (invalid UTF-8 included) with a 4xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(endpoint, fc.uint8Array({ maxLength: 64 }), async (path, bytes) => {
          const request = new Request(`${IN_PROCESS_BASE_URL}${path}`, { method: 'POST', body: bytes });
          await expectServedOrRejected(await gateway.fetch(request));
        }),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(10_000),
  );

  it(
    'answers deeply nested JSON anywhere in a body with a 400, quickly',
    async () => {
      const hello = '[{"role":"user","content":"hi"}]';
      const wrappers = fc.constantFrom(
        (deep: string) => deep,
        (deep: string) => `{"model":"mock/m","messages":${hello},"metadata":${deep}}`,
        (deep: string) => `{"model":"mock/m","messages":[{"role":"user","content":"hi","x":${deep}}]}`,
        (deep: string) =>
          `{"model":"mock/m","messages":${hello},"tools":[{"type":"function","function":{"name":"f","parameters":${deep}}}]}`,
        (deep: string) => `{"model":"mock/m","input":"hi","user":${deep}}`,
      );
      await fc.assert(
        fc.asyncProperty(
          endpoint,
          wrappers,
          fc.integer({ min: 600, max: 100_000 }),
          fc.constantFrom('array' as const, 'object' as const),
          async (path, wrap, depth, kind) => {
            const response = await post(path, wrap(nested(depth, kind)));
            expect(response.status).toBe(400);
            await expectServedOrRejected(response);
          },
        ),
        fuzzParameters({ runs: 30, runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(10_000),
  );

  it('regression: a body nested 100k levels deep inside a valid request is a 400, not a stack overflow', async () => {
    const body = `{"model":"mock/m","messages":[{"role":"user","content":"hi"}],"metadata":${nested(100_000, 'object')}}`;
    const response = await post('/chat/completions', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'body' } });
    // The gateway keeps serving.
    const ok = await post(
      '/chat/completions',
      '{"model":"mock/m","messages":[{"role":"user","content":"hi"}]}',
    );
    expect(ok.status).toBe(200);
  });

  it.each([
    ['a NUL', 'mock/\u0000', 'mock/%00'],
    ['an emoji', 'mock/gpt-😀', 'mock/gpt-%F0%9F%98%80'],
    ['a lone surrogate', 'mock/\uD83D', 'mock/%EF%BF%BD'],
  ])(
    'regression: a model name with %s is served, percent-encoded in the headers',
    async (_name, model, header) => {
      const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });
      const response = await post('/chat/completions', body);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-switchyard-route')).toBe(header);
    },
  );

  it(
    'answers any method and path with a result or a 4xx',
    async () => {
      const path = fc.oneof(
        fc.constantFrom('/chat/completions', '/embeddings', '/models', '/chat/completions/', '/'),
        fc.webPath(),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
          path,
          async (method, at) => {
            const response = await gateway.fetch(`${IN_PROCESS_BASE_URL}${at}`, {
              method,
              ...(method === 'GET' ? {} : { body: '{}' }),
            });
            await expectServedOrRejected(response);
          },
        ),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(10_000),
  );
});
