import { AuthenticationError, type ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import modelsBody from './__fixtures__/models.json?raw';
import { together } from './together-provider.js';

const call: ProviderCall = {
  modelId: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  request: { model: 'together/x', messages: [{ role: 'user', content: 'Say hello in French.' }] },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('together()', () => {
  it('calls api.together.ai/v1 with TOGETHER_API_KEY and maps its `eos` finish reason to stop', async () => {
    vi.stubEnv('TOGETHER_API_KEY', 'tgp_env_key');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await together({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://api.together.ai/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer tgp_env_key');
    expect(result.choices[0]).toMatchObject({
      text: 'Bonjour ! Comment puis-je vous aider ?',
      finishReason: { unified: 'stop', raw: 'eos' },
    });
    expect(result.usage).toEqual({ prompt_tokens: 44, completion_tokens: 11, total_tokens: 55 });
  });

  it('takes an explicit key and base URL', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await together({ apiKey: 'tgp_explicit', baseURL: 'https://api.together.xyz/v1', fetch }).doGenerate(
      call,
    );

    expect(requests[0]?.url).toBe('https://api.together.xyz/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer tgp_explicit');
  });

  it('lists models from the bare array Together returns (the SDK page would read it as empty)', async () => {
    const { fetch, requests } = fixtureFetch({ body: modelsBody });

    const models = await together({ apiKey: 'tgp_test', headers: { 'x-team': 'a' }, fetch }).listModels?.();

    expect(requests[0]?.url).toBe('https://api.together.ai/v1/models');
    expect(requests[0]?.headers).toMatchObject({ authorization: 'Bearer tgp_test', 'x-team': 'a' });
    expect(models).toEqual([
      { id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', ownedBy: 'Meta', created: 1733443200 },
      { id: 'BAAI/bge-large-en-v1.5', ownedBy: 'BAAI', created: 1709251200 },
    ]);
  });

  it('maps a failed model listing to a typed error without the key in it', async () => {
    const body =
      '{"error":{"message":"Invalid API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}';
    const { fetch } = fixtureFetch({ status: 401, body });

    const error = await together({ apiKey: 'tgp_secret_canary', fetch })
      .listModels?.()
      .catch((e: unknown) => e);

    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, provider: 'together', body: JSON.parse(body) });
    expect(String(error)).not.toContain('tgp_secret_canary');
  });

  it('declares every capability', () => {
    expect(together({ apiKey: 'tgp_test' }).capabilities).toEqual({
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
