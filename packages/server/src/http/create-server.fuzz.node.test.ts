import { connect } from 'node:net';
import { cache } from '@switchyard/cache';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { guardrails, piiDetector } from '@switchyard/guardrails';
import { spend } from '@switchyard/spend';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyJson, anyText, chatBody, embeddingBody } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';

const KEY = 'sk-fuzz-0123456789abcdef';
const BODY_LIMIT = 1024 * 1024;
const models = fc.constantFrom('mock/gpt-test', 'gpt-test', 'pool', 'other/x', 'prompt:p');
const endpoint = fc.constantFrom('/v1/chat/completions', '/v1/embeddings');
const hello = [{ role: 'user', content: 'hi' }];

/** JSON text with every character outside ASCII escaped, as a header value must be. */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

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
    'param' in error
  );
};

/** A success read to its end, or a 4xx whose body is OpenAI error JSON. */
const expectServedOrRejected = async (response: Response): Promise<void> => {
  const text = await response.text();
  if (response.ok) return;
  expect(response.status, text).toBeGreaterThanOrEqual(400);
  expect(response.status, text).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(isOpenAIError(JSON.parse(text)), text).toBe(true);
};

/** Brackets `depth` levels deep, as text: `[[[…]]]` or `{"a":{"a":…}}`. */
const nested = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Writes raw bytes to the server and resolves with what it answered before closing (or after 2 s). */
const rawExchange = (url: string, bytes: Uint8Array): Promise<string> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 2_000);
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (data) => {
      answer += data.toString('latin1');
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
  });

describe('the HTTP server (fuzz)', () => {
  let s: TestServer;
  let mock: ReturnType<typeof mockProvider>;

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    });

  const expectStillServing = async () => {
    const response = await post('/v1/chat/completions', JSON.stringify({ model: 'mock/m', messages: hello }));
    expect(response.status).toBe(200);
    expect((await response.json()).choices[0].message.content).toBe('Hello from the mock');
  };

  beforeAll(async () => {
    mock = mockProvider({ reply: 'Hello from the mock', embeddingDimensions: 2 });
    const gateway = createGateway({
      providers: { mock, other: mockProvider() },
      routes: {},
      middleware: [cache({ mode: 'exact' }), spend({}), guardrails({ input: [piiDetector()] })],
      maxRetries: 0,
    });
    s = await startTestServer({
      gateway,
      bodyLimit: BODY_LIMIT,
      apiKeys: [{ key: KEY, id: 'fuzz', metadata: { team: 'データ' } }],
    });
  });
  afterAll(() => s.close());

  it(
    'answers any body, content type and x-switchyard-* headers with a result or a 4xx OpenAI error',
    async () => {
      const body = fc.oneof(
        anyText,
        anyJson.map((value) => JSON.stringify(value)),
        fc.oneof(chatBody(models), embeddingBody(models)).map((value) => JSON.stringify(value)),
        chatBody(models).chain((value) => {
          const text = JSON.stringify(value);
          return fc.nat({ max: text.length }).map((at) => text.slice(0, at));
        }),
        fc.uint8Array({ maxLength: 64 }),
      );
      const headers = fc.record(
        {
          'content-type': fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'x/y;;',
          ),
          'x-switchyard-metadata': fc
            .oneof(anyJson, fc.dictionary(fc.string({ maxLength: 4 }), anyText))
            .map(asciiJson),
          'x-switchyard-route': fc.oneof(models, fc.stringMatching(/^[!-~]{1,12}$/)),
          'x-switchyard-guardrails': fc.stringMatching(/^[a-z, -]{0,12}$/),
          'x-switchyard-trace-id': fc.stringMatching(/^[!-~]{1,20}$/),
          'x-switchyard-cache': fc.constantFrom('exact', 'off', 'semantic', 'nope'),
          'x-switchyard-prompt-variables': anyJson.map(asciiJson),
          authorization: fc.constantFrom(`Bearer ${KEY}`, 'Bearer wrong', 'Basic x', ''),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(endpoint, body, headers, async (path, value, extra) => {
          await expectServedOrRejected(await post(path, value, extra));
        }),
        fuzzParameters({ runTimeoutMs: 3_000 }),
      );
      await expectStillServing();
    },
    fuzzTimeout(30_000),
  );

  it(
    'answers bodies over the limit with a 413, declared or streamed, before any provider call',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          endpoint,
          fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 4 }),
          fc.boolean(),
          async (path, size, chunked) => {
            const calls = mock.calls.length;
            const text = JSON.stringify({ model: 'mock/m', messages: hello, input: 'x'.repeat(size) });
            const body = chunked ? new Blob([text]).stream() : text;
            const response = await fetch(`${s.url}${path}`, {
              method: 'POST',
              body,
              headers: { authorization: `Bearer ${KEY}` },
              ...(chunked ? { duplex: 'half' } : {}),
            } as RequestInit);
            expect(response.status).toBe(413);
            // The unread rest of the body makes the connection unusable: clients must not reuse it.
            expect(response.headers.get('connection')).toBe('close');
            await expectServedOrRejected(response);
            expect(mock.calls.length).toBe(calls);
          },
        ),
        fuzzParameters({ runs: 20, runTimeoutMs: 3_000 }),
      );
      await expectStillServing();
    },
    fuzzTimeout(20_000),
  );

  it(
    'answers deeply nested JSON with a 400, quickly, and keeps serving',
    async () => {
      const wrappers = fc.constantFrom(
        (deep: string) => deep,
        (deep: string) => `{"model":"mock/m","messages":[{"role":"user","content":"hi"}],"metadata":${deep}}`,
        (deep: string) => `{"model":"mock/m","messages":[{"role":"user","content":"hi","x":${deep}}]}`,
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
        fuzzParameters({ runs: 30, runTimeoutMs: 3_000 }),
      );
      await expectStillServing();
    },
    fuzzTimeout(20_000),
  );

  it('regression: 100k levels of nesting inside a chat body is a 400, not a 500 from a stack overflow', async () => {
    const body = `{"model":"mock/m","messages":[{"role":"user","content":"hi"}],"metadata":${nested(100_000, 'object')}}`;
    const response = await post('/v1/chat/completions', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'body' } });
    await expectStillServing();
  });

  it('regression: metadata outside Latin-1 (from the key or the caller) is forwarded, not a 500', async () => {
    const response = await post(
      '/v1/chat/completions',
      JSON.stringify({ model: 'mock/m', messages: hello }),
      {
        'x-switchyard-metadata': asciiJson({ user: 'Zoë 😀' }),
      },
    );
    expect(response.status).toBe(200);
  });

  it(
    'answers raw requests with malformed framing, or closes them, and keeps serving',
    async () => {
      const encoder = new TextEncoder();
      const request = fc.oneof(
        // A well-formed head, then exactly the declared number of arbitrary bytes.
        fc.tuple(endpoint, fc.uint8Array({ maxLength: 200 })).map(([path, bytes]) => {
          const head = `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
          return new Uint8Array([...encoder.encode(head), ...bytes]);
        }),
        // Broken chunked encoding.
        fc
          .tuple(endpoint, fc.string({ maxLength: 40 }))
          .map(([path, chunk]) =>
            encoder.encode(
              `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk}\r\n0\r\n\r\n`,
            ),
          ),
        // Garbage from the first byte.
        fc.uint8Array({ maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(request, async (bytes) => {
          const answer = await rawExchange(s.url, bytes);
          const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
          // Either no answer (the connection was closed) or a status below 500.
          if (status !== undefined) expect(Number(status), answer.slice(0, 300)).toBeLessThan(500);
        }),
        fuzzParameters({ runs: 40, runTimeoutMs: 5_000 }),
      );
      await expectStillServing();
    },
    fuzzTimeout(30_000),
  );
});
