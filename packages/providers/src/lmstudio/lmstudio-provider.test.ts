import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { lmstudio } from './lmstudio-provider.js';

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'qwen2.5-7b-instruct',
  request: {
    model: 'lmstudio/qwen2.5-7b-instruct',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('lmstudio()', () => {
  it('calls http://localhost:1234/v1 without an Authorization header, even with OPENAI_API_KEY set', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-openai-must-not-leak');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await lmstudio({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('http://localhost:1234/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(result.choices[0]?.text).toBe('Bonjour ! Comment puis-je vous aider ?');
  });

  it('sends a key when given one, to the base URL given', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await lmstudio({ apiKey: 'local-secret', baseURL: 'http://127.0.0.1:4321/v1', fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('http://127.0.0.1:4321/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer local-secret');
  });

  it('declares every capability', () => {
    expect(Object.values(lmstudio().capabilities).every(Boolean)).toBe(true);
  });
});
