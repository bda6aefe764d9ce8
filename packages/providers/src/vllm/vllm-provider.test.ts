import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { vllm } from './vllm-provider.js';

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'Qwen/Qwen3-8B',
  request: {
    model: 'vllm/Qwen/Qwen3-8B',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('vllm()', () => {
  it('calls http://localhost:8000/v1 without an Authorization header, even with OPENAI_API_KEY set', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-openai-must-not-leak');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await vllm({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('http://localhost:8000/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(result.choices[0]?.text).toBe('Bonjour ! Comment puis-je vous aider ?');
  });

  it('sends a key when given one, to the base URL given', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await vllm({ apiKey: 'local-secret', baseURL: 'https://vllm.internal.test/v1', fetch }).doGenerate(
      call(),
    );

    expect(requests[0]?.url).toBe('https://vllm.internal.test/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer local-secret');
  });

  it('reads `reasoning_content` from a server started with a reasoning parser', async () => {
    const { fetch } = fixtureFetch({ body: completionBody });

    const result = await vllm({ fetch }).doGenerate(call({ logit_bias: { '42': 5 } }));

    expect(result.choices[0]).toMatchObject({
      reasoning: 'A short French greeting is enough.',
      finishReason: { unified: 'stop', raw: 'stop' },
    });
    expect(result.warnings).toEqual([]);
  });

  it('declares every capability', () => {
    expect(Object.values(vllm().capabilities).every(Boolean)).toBe(true);
  });
});
