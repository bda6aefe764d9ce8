import { describe, expect, it } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/vertex-generate-content.json?raw';
import { google } from './google-provider.js';

// Without an access token, google-auth-library (Node only) authenticates. Its `apiKey` credential keeps
// the test offline; with Application Default Credentials it would fetch an OAuth token instead.
describe('google({ vertex }) through google-auth-library', () => {
  it('lets the SDK build the project path and add the credential', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = google({
      fetch,
      vertex: {
        project: 'acme-prod',
        location: 'us-central1',
        googleAuthOptions: { apiKey: 'vertex-express-key' },
      },
    });
    const result = await adapter.doGenerate({
      modelId: 'gemini-2.5-flash',
      request: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Say hello in French.' }] },
      signal: new AbortController().signal,
      headers: {},
    });
    expect(requests[0]?.url).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1beta1/projects/acme-prod/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
    );
    expect(requests[0]?.headers['x-goog-api-key']).toBe('vertex-express-key');
    expect(result.choices[0]?.text).toBe('Bonjour !');
  });
});
