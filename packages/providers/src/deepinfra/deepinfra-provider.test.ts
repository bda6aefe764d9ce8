import type { ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { deepinfra } from './deepinfra-provider.js';

const call: ProviderCall = {
  modelId: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
  request: {
    model: 'deepinfra/meta-llama/Meta-Llama-3.1-8B-Instruct',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
  },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('deepinfra()', () => {
  it('calls https://api.deepinfra.com/v1/openai with DEEPINFRA_API_KEY', async () => {
    vi.stubEnv('DEEPINFRA_API_KEY', 'di-env');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await deepinfra({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://api.deepinfra.com/v1/openai/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer di-env');
    expect(requests[0]?.body).toMatchObject({ model: 'meta-llama/Meta-Llama-3.1-8B-Instruct' });
    expect(result.choices[0]).toMatchObject({
      text: 'Bonjour ! Comment puis-je vous aider ?',
      finishReason: { unified: 'stop', raw: 'stop' },
    });
    expect(result.usage).toMatchObject({ prompt_tokens: 26, completion_tokens: 11, total_tokens: 37 });
  });

  it('takes an explicit key and base URL', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await deepinfra({
      apiKey: 'di-explicit',
      baseURL: 'https://deepinfra.proxy.test/v1/openai',
      fetch,
    }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://deepinfra.proxy.test/v1/openai/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer di-explicit');
  });

  it('declares its capabilities', () => {
    expect(deepinfra({ apiKey: 'di-test' }).capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: true,
      jsonSchema: false,
      reasoning: true,
      images: true,
      embeddings: true,
    });
  });
});
