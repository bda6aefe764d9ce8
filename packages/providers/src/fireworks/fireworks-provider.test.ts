import type { ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { fireworks } from './fireworks-provider.js';

const call: ProviderCall = {
  modelId: 'accounts/fireworks/models/llama-v3p1-8b-instruct',
  request: {
    model: 'fireworks/x',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    max_tokens: 64,
  },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('fireworks()', () => {
  it('calls api.fireworks.ai/inference/v1 with FIREWORKS_API_KEY and keeps the model path as the model', async () => {
    vi.stubEnv('FIREWORKS_API_KEY', 'fw_env_key');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await fireworks({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://api.fireworks.ai/inference/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer fw_env_key');
    expect(requests[0]?.body).toMatchObject({
      model: 'accounts/fireworks/models/llama-v3p1-8b-instruct',
      max_tokens: 64,
    });
    expect(result.usage).toEqual({ prompt_tokens: 27, completion_tokens: 11, total_tokens: 38 });
  });

  it('takes an explicit key and base URL', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await fireworks({
      apiKey: 'fw_explicit',
      baseURL: 'https://us.api.fireworks.ai/inference/v1',
      fetch,
    }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://us.api.fireworks.ai/inference/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer fw_explicit');
  });

  it('declares every capability, embeddings included', () => {
    const adapter = fireworks({ apiKey: 'fw_test' });
    expect(Object.values(adapter.capabilities).every(Boolean)).toBe(true);
    expect(adapter.doEmbed).toBeTypeOf('function');
  });
});
