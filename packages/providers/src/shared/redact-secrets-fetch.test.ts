import type { ProviderAdapter, ProviderCall, StreamPart } from '@switchyard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anthropic } from '../anthropic/index.js';
import { azure } from '../azure/index.js';
import { bedrock } from '../bedrock/index.js';
import { cohere } from '../cohere/index.js';
import { google } from '../google/index.js';
import { mistral } from '../mistral/index.js';
import { openai } from '../openai/index.js';
import { openaiCompatible } from '../openai-compatible/index.js';
import { type FixtureResponse, fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import { together } from '../together/index.js';
import { redactSecretsFetch } from './redact-secrets-fetch.js';
import { redactableSecrets, replaceSecrets } from './replace-secrets.js';

/** Shaped like no provider's key, so only its declaration as the adapter's key can catch it. */
const KEY = 'q8Zt3VxL0pWm5RkE2nYc7HsJ4aDf9GuB';

/** What an echoing upstream answers a rejected key with, in OpenAI's error shape. */
const echo = (status: number): FixtureResponse => ({
  status,
  body: JSON.stringify({
    error: { message: `Incorrect API key provided: ${KEY}.`, code: 'invalid_api_key' },
  }),
  headers: { 'x-debug-key': KEY },
});

const call = (): ProviderCall => ({
  modelId: 'model-1',
  request: { model: 'model-1', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 16 },
  signal: new AbortController().signal,
  headers: {},
});

/** Everything an error carries that could be logged or returned: message, body, headers, stack, causes. */
const exposed = (error: unknown): string => {
  const seen: Array<unknown> = [];
  for (let current = error; current instanceof Error && seen.length < 5; current = current.cause) {
    seen.push({ ...current, message: current.message, stack: current.stack });
  }
  return JSON.stringify(seen);
};

const adapters: ReadonlyArray<[string, (fetch: typeof globalThis.fetch) => ProviderAdapter]> = [
  ['openai', (fetch) => openai({ apiKey: KEY, fetch })],
  [
    'openai-compatible',
    (fetch) => openaiCompatible({ name: 'local', baseURL: 'http://local/v1', apiKey: KEY, fetch }),
  ],
  ['azure', (fetch) => azure({ apiKey: KEY, resourceName: 'contoso', fetch })],
  ['anthropic', (fetch) => anthropic({ apiKey: KEY, fetch })],
  ['google', (fetch) => google({ apiKey: KEY, fetch })],
  ['mistral', (fetch) => mistral({ apiKey: KEY, fetch })],
  ['cohere', (fetch) => cohere({ apiKey: KEY, fetch })],
  ['bedrock', (fetch) => bedrock({ apiKey: KEY, region: 'us-east-1', fetch })],
];

describe('an upstream that echoes the API key', () => {
  it.each(adapters)(
    '%s: never carries the key into an error (message, body, headers, cause, stack)',
    async (_, create) => {
      for (const status of [401, 500]) {
        const { fetch, requests } = fixtureFetch(echo(status));
        const error = await create(fetch)
          .doGenerate(call())
          .catch((caught: unknown) => caught);
        // The key was sent (the test means something), and the echo was read (the message is the upstream's).
        expect(JSON.stringify(requests[0]?.headers)).toContain(KEY);
        expect(exposed(error)).toContain('[REDACTED]');
        expect(exposed(error)).not.toContain(KEY);
      }
    },
  );

  it('keeps the key out of an error event inside a 200 stream', async () => {
    const { fetch } = fixtureFetch({
      body: `data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}\n\ndata: {"error":{"message":"Incorrect API key provided: ${KEY}.","type":"server_error"}}\n\n`,
      chunkSizes: [7],
    });
    const { stream } = await openai({ apiKey: KEY, fetch }).doStream(call());
    const parts: Array<StreamPart> = await readAll(stream);
    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    expect(exposed(last?.type === 'error' ? last.error : undefined)).not.toContain(KEY);
  });

  it('keeps the key out of a failed model listing (together reads it itself)', async () => {
    const { fetch } = fixtureFetch(echo(401));
    const error = await together({ apiKey: KEY, fetch })
      .listModels?.()
      .catch((caught: unknown) => caught);
    expect(exposed(error)).toContain('[REDACTED]');
    expect(exposed(error)).not.toContain(KEY);
  });
});

describe('redactSecretsFetch', () => {
  const respond = (body: string, init: ResponseInit) => async () => new Response(body, init);

  it('is the same fetch without a secret, and ignores placeholders too short to be one', () => {
    const fetch = respond('', {});
    expect(redactSecretsFetch(fetch, [undefined])).toBe(fetch);
    expect(redactSecretsFetch(fetch, ['ollama'])).toBe(fetch);
  });

  it('redacts the body and header values of an error response, and drops the stale content-length', async () => {
    const fetch = redactSecretsFetch(
      respond(`{"echo":"${KEY}"}`, {
        status: 401,
        headers: { 'content-type': 'application/json', 'content-length': '44', 'x-key': `k=${KEY}` },
      }),
      [KEY],
    );
    const response = await fetch('http://upstream/');
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"echo":"[REDACTED]"}');
    expect(response.headers.get('x-key')).toBe('k=[REDACTED]');
    expect(response.headers.get('content-length')).toBeNull();
  });

  it('hands successful responses on untouched (the hot path pays nothing)', async () => {
    const answer = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    expect(await redactSecretsFetch(async () => answer, [KEY])('http://upstream/')).toBe(answer);
  });
});

describe('replaceSecrets', () => {
  it('leaves no secret behind, longer secrets first (property)', () => {
    const secret = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 8, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(secret, { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.nat({ max: 2 })), { maxLength: 10 }),
        (secrets, parts) => {
          const text = parts
            .map((part) => (typeof part === 'number' ? (secrets[part] ?? '') : part))
            .join('');
          const output = replaceSecrets(text, redactableSecrets(secrets));
          for (const value of secrets) expect(output).not.toContain(value);
        },
      ),
    );
  });
});
