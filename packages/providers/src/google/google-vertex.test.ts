import { InvalidConfigError, type ProviderCall } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import textStream from './__fixtures__/stream-text.sse.txt?raw';
import textBody from './__fixtures__/vertex-generate-content.json?raw';
import embeddingBody from './__fixtures__/vertex-predict-embeddings.json?raw';
import { vertexBaseURL } from './create-google-backend.js';
import { google } from './google-provider.js';

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: 'gemini-2.5-flash',
  request: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Say hello in French.' }] },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

describe('google({ vertex }) with an access token', () => {
  it('calls the project-scoped Vertex endpoint with a Bearer token and no API key', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = google({
      fetch,
      vertex: { project: 'acme-prod', location: 'europe-west4', accessToken: 'ya29.test-token' },
    });
    const result = await adapter.doGenerate(call());
    expect(requests[0]?.url).toBe(
      'https://europe-west4-aiplatform.googleapis.com/v1beta1/projects/acme-prod/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent',
    );
    expect(requests[0]?.headers.authorization).toBe('Bearer ya29.test-token');
    expect(requests[0]?.headers).not.toHaveProperty('x-goog-api-key');
    expect(result.choices[0]).toMatchObject({
      text: 'Bonjour !',
      finishReason: { unified: 'stop', raw: 'STOP' },
    });
    expect(result.usage).toEqual({
      prompt_tokens: 13,
      completion_tokens: 27,
      total_tokens: 40,
      completion_tokens_details: { reasoning_tokens: 24 },
    });
  });

  it('asks a token provider for a token on every request', async () => {
    const { fetch, requests } = fixtureFetch({ body: textStream });
    let issued = 0;
    const adapter = google({
      fetch,
      apiVersion: 'v1',
      vertex: { project: 'acme-prod', accessToken: async () => `token-${++issued}` },
    });
    await readAll((await adapter.doStream(call())).stream);
    await readAll((await adapter.doStream(call())).stream);
    expect(requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      [
        'https://aiplatform.googleapis.com/v1/projects/acme-prod/locations/global/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
        'Bearer token-1',
      ],
      [
        'https://aiplatform.googleapis.com/v1/projects/acme-prod/locations/global/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
        'Bearer token-2',
      ],
    ]);
  });

  it('embeds each text with its own request (Vertex reads several texts as one input)', async () => {
    const { fetch, requests } = fixtureFetch({ body: embeddingBody });
    const result = await google({
      fetch,
      vertex: { project: 'acme-prod', location: 'us-central1', accessToken: 't' },
    }).doEmbed?.({
      modelId: 'gemini-embedding-001',
      request: { input: ['hello world', 'bonjour'] },
      signal: new AbortController().signal,
      headers: {},
    });
    expect(requests.map((request) => [request.url, request.body])).toEqual([
      [
        'https://us-central1-aiplatform.googleapis.com/v1beta1/projects/acme-prod/locations/us-central1/publishers/google/models/gemini-embedding-001:predict',
        { instances: [{ content: 'hello world' }] },
      ],
      [
        'https://us-central1-aiplatform.googleapis.com/v1beta1/projects/acme-prod/locations/us-central1/publishers/google/models/gemini-embedding-001:predict',
        { instances: [{ content: 'bonjour' }] },
      ],
    ]);
    expect(result?.embeddings).toHaveLength(2);
    expect(result?.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
  });

  it('lists publisher models outside the project path', async () => {
    const body = JSON.stringify({
      publisherModels: [{ name: 'publishers/google/models/gemini-2.5-flash', versionId: '001' }],
    });
    const { fetch, requests } = fixtureFetch({ body });
    const models = await google({
      fetch,
      vertex: { project: 'acme-prod', location: 'us-central1', accessToken: 't' },
    }).listModels?.();
    expect(requests[0]?.url).toMatch(
      /^https:\/\/us-central1-aiplatform\.googleapis\.com\/v1beta1\/publishers\/google\/models/,
    );
    expect(requests[0]?.headers.authorization).toBe('Bearer t');
    expect(models).toEqual([{ id: 'gemini-2.5-flash', ownedBy: 'google' }]);
  });
});

describe('google({ vertex }) configuration', () => {
  it('needs a project', () => {
    const previous = globalThis.process?.env?.GOOGLE_CLOUD_PROJECT;
    if (globalThis.process?.env !== undefined) delete globalThis.process.env.GOOGLE_CLOUD_PROJECT;
    try {
      expect(() => google({ vertex: { accessToken: 't' } })).toThrow(InvalidConfigError);
    } finally {
      if (previous !== undefined && globalThis.process?.env !== undefined)
        globalThis.process.env.GOOGLE_CLOUD_PROJECT = previous;
    }
  });

  it.each([
    ['global', 'https://aiplatform.googleapis.com'],
    ['us', 'https://aiplatform.us.rep.googleapis.com'],
    ['us-central1', 'https://us-central1-aiplatform.googleapis.com'],
  ])('location %s → %s', (location, url) => {
    expect(vertexBaseURL(location)).toBe(url);
  });
});
