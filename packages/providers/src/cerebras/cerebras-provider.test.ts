import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { cerebras } from './cerebras-provider.js';

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'llama3.1-8b',
  request: {
    model: 'cerebras/llama3.1-8b',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('cerebras()', () => {
  it('calls api.cerebras.ai/v1 with CEREBRAS_API_KEY and ignores time_info', async () => {
    vi.stubEnv('CEREBRAS_API_KEY', 'csk-env');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await cerebras({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('https://api.cerebras.ai/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer csk-env');
    expect(result.usage).toEqual({
      prompt_tokens: 43,
      completion_tokens: 11,
      total_tokens: 54,
      prompt_tokens_details: { cached_tokens: 0 },
    });
  });

  it('drops the fields Cerebras answers 400 to, with one warning each', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await cerebras({
      apiKey: 'csk-test',
      baseURL: 'https://cerebras.proxy.test/v1',
      fetch,
    }).doGenerate(
      call({
        frequency_penalty: 0.5,
        presence_penalty: 0.5,
        logit_bias: { '1': 1 },
        parallel_tool_calls: false,
        top_p: 0.9,
      }),
    );

    expect(requests[0]?.url).toBe('https://cerebras.proxy.test/v1/chat/completions');
    expect(requests[0]?.body).toEqual({
      model: 'llama3.1-8b',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      top_p: 0.9,
    });
    expect(
      result.warnings.flatMap((warning) => (warning.type === 'unsupported-setting' ? [warning.setting] : [])),
    ).toEqual(['frequency_penalty', 'presence_penalty', 'logit_bias', 'parallel_tool_calls']);
  });

  it('declares no parallel tool calls, images or embeddings', () => {
    expect(cerebras({ apiKey: 'csk-test' }).capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: false,
      jsonSchema: true,
      reasoning: true,
      images: false,
      embeddings: false,
    });
  });
});
