import type { ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import reasoningBody from './__fixtures__/chat-reasoning.json?raw';
import { openrouter } from './openrouter-provider.js';

const call: ProviderCall = {
  modelId: 'deepseek/deepseek-r1',
  request: {
    model: 'openrouter/deepseek/deepseek-r1',
    messages: [{ role: 'user', content: 'What is 17 × 24?' }],
    reasoning_effort: 'high',
  },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('openrouter()', () => {
  it('calls openrouter.ai/api/v1 with OPENROUTER_API_KEY and no attribution headers by default', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', 'sk-or-env');
    const { fetch, requests } = fixtureFetch({ body: reasoningBody });

    await openrouter({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer sk-or-env');
    expect(requests[0]?.headers['http-referer']).toBeUndefined();
    expect(requests[0]?.headers['x-title']).toBeUndefined();
    expect(requests[0]?.body).toMatchObject({ model: 'deepseek/deepseek-r1', reasoning_effort: 'high' });
  });

  it('sends HTTP-Referer and X-Title from siteURL and siteName', async () => {
    const { fetch, requests } = fixtureFetch({ body: reasoningBody });

    await openrouter({
      apiKey: 'sk-or-test',
      baseURL: 'https://or.proxy.test/api/v1',
      siteURL: 'https://app.example.com',
      siteName: 'Example App',
      fetch,
    }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://or.proxy.test/api/v1/chat/completions');
    expect(requests[0]?.headers).toMatchObject({
      'http-referer': 'https://app.example.com',
      'x-title': 'Example App',
    });
  });

  it('reads reasoning from OpenRouter’s `reasoning` field', async () => {
    const { fetch } = fixtureFetch({ body: reasoningBody });

    const result = await openrouter({ apiKey: 'sk-or-test', fetch }).doGenerate(call);

    expect(result.choices[0]).toMatchObject({
      text: '17 × 24 = 408.',
      reasoning: '17 × 20 = 340 and 17 × 4 = 68, so 408.',
    });
    expect(result.usage?.completion_tokens_details).toEqual({ reasoning_tokens: 41 });
  });

  it('declares every capability', () => {
    expect(Object.values(openrouter({ apiKey: 'sk-or-test' }).capabilities).every(Boolean)).toBe(true);
  });
});
