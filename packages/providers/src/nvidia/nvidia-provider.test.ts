import type { ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { nvidia } from './nvidia-provider.js';

const call: ProviderCall = {
  modelId: 'meta/llama-3.1-8b-instruct',
  request: {
    model: 'nvidia/meta/llama-3.1-8b-instruct',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
  },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('nvidia()', () => {
  it('calls https://integrate.api.nvidia.com/v1 with NVIDIA_API_KEY', async () => {
    vi.stubEnv('NVIDIA_API_KEY', 'nvapi-env');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await nvidia({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://integrate.api.nvidia.com/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer nvapi-env');
    expect(requests[0]?.body).toMatchObject({ model: 'meta/llama-3.1-8b-instruct' });
    expect(result.choices[0]).toMatchObject({
      text: 'Bonjour ! Comment puis-je vous aider ?',
      finishReason: { unified: 'stop', raw: 'stop' },
    });
    expect(result.usage).toMatchObject({ prompt_tokens: 26, completion_tokens: 11, total_tokens: 37 });
  });

  it('takes an explicit key and base URL', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await nvidia({ apiKey: 'nvapi-explicit', baseURL: 'http://nim.internal.test:8000/v1', fetch }).doGenerate(
      call,
    );

    expect(requests[0]?.url).toBe('http://nim.internal.test:8000/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer nvapi-explicit');
  });

  it('declares its capabilities', () => {
    expect(nvidia({ apiKey: 'nvapi-test' }).capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: true,
      jsonSchema: true,
      reasoning: true,
      images: true,
      embeddings: true,
    });
  });
});
