import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/messages-text.json?raw';
import { anthropic } from './anthropic-provider.js';

const call = {
  modelId: 'claude-sonnet-4-6',
  request: { model: 'claude-sonnet-4-6', messages: [{ role: 'user' as const, content: 'Hi' }] },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('anthropic() credentials from the environment', () => {
  it('reads ANTHROPIC_API_KEY when no apiKey is given, and ignores ANTHROPIC_BASE_URL', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', 'sk-ant-from-env');
    vi.stubEnv('ANTHROPIC_BASE_URL', 'http://should-not-be-used.invalid');
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await anthropic({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://api.anthropic.com/v1/messages');
    expect(requests[0]?.headers.authorization).toBe('Bearer sk-ant-from-env');
  });

  it('prefers the apiKey option over the environment', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', 'sk-ant-from-env');
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await anthropic({ apiKey: 'sk-ant-option', fetch }).doGenerate(call);

    expect(requests[0]?.headers.authorization).toBe('Bearer sk-ant-option');
  });

  it('does not fall back to ANTHROPIC_AUTH_TOKEN or credential files without a key', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', 'oauth-token-from-env');
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await anthropic({ fetch }).doGenerate(call);

    expect(requests[0]?.headers.authorization).toBeUndefined();
  });
});
