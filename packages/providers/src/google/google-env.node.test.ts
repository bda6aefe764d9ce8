import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/generate-content-text.json?raw';
import { google } from './google-provider.js';

const call = {
  modelId: 'gemini-2.5-flash',
  request: { model: 'gemini-2.5-flash', messages: [{ role: 'user' as const, content: 'Hi' }] },
  signal: new AbortController().signal,
  headers: {},
};

describe('API key from the environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads GEMINI_API_KEY first, then GOOGLE_API_KEY', async () => {
    vi.stubEnv('GEMINI_API_KEY', 'from-gemini-env');
    vi.stubEnv('GOOGLE_API_KEY', 'from-google-env');
    const first = fixtureFetch({ body: textBody });
    await google({ fetch: first.fetch }).doGenerate(call);
    expect(first.requests[0]?.headers['x-goog-api-key']).toBe('from-gemini-env');

    vi.stubEnv('GEMINI_API_KEY', '');
    const second = fixtureFetch({ body: textBody });
    await google({ fetch: second.fetch }).doGenerate(call);
    expect(second.requests[0]?.headers['x-goog-api-key']).toBe('from-google-env');
  });

  it('an explicit apiKey wins over the environment', async () => {
    vi.stubEnv('GEMINI_API_KEY', 'from-gemini-env');
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await google({ apiKey: 'explicit', fetch }).doGenerate(call);
    expect(requests[0]?.headers['x-goog-api-key']).toBe('explicit');
  });

  it('Vertex reads GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION', async () => {
    vi.stubEnv('GOOGLE_CLOUD_PROJECT', 'env-project');
    vi.stubEnv('GOOGLE_CLOUD_LOCATION', 'asia-northeast1');
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await google({ fetch, vertex: { accessToken: 't' } }).doGenerate(call);
    expect(requests[0]?.url).toBe(
      'https://asia-northeast1-aiplatform.googleapis.com/v1beta1/projects/env-project/locations/asia-northeast1/publishers/google/models/gemini-2.5-flash:generateContent',
    );
  });
});
