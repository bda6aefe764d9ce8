import {
  APIError,
  BadRequestError,
  InternalServerError,
  type ProviderCall,
  type ProviderRequest,
  type StreamPart,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import deepseekBody from './__fixtures__/deepseek-reasoner.json?raw';
import deepseekStream from './__fixtures__/deepseek-reasoner.sse.txt?raw';
import ollamaStream from './__fixtures__/ollama-reasoning-tool-call.sse.txt?raw';
import openrouterErrorStream from './__fixtures__/openrouter-mid-stream-error.sse.txt?raw';
import { openaiCompatible } from './openai-compatible-provider.js';

const call = (
  request: Partial<ProviderRequest> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'deepseek-reasoner',
  request: {
    model: 'deepseek/deepseek-reasoner',
    messages: [{ role: 'user', content: '用中文打招呼' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

const textOf = (parts: Array<StreamPart>, type: 'text-delta' | 'reasoning-delta'): string =>
  parts.map((part) => (part.type === type ? part.delta : '')).join('');

describe('openaiCompatible() configuration', () => {
  it('sends no Authorization header without an apiKey, even when OPENAI_API_KEY is set', async () => {
    const env = globalThis.process?.env;
    const previous = env?.OPENAI_API_KEY;
    if (env !== undefined) env.OPENAI_API_KEY = 'sk-openai-key-must-not-leak';
    try {
      const { fetch, requests } = fixtureFetch({ body: deepseekBody });
      const adapter = openaiCompatible({ name: 'local', baseURL: 'http://localhost:11434/v1', fetch });
      await adapter.doGenerate(call());

      expect(requests[0]?.url).toBe('http://localhost:11434/v1/chat/completions');
      expect(requests[0]?.headers.authorization).toBeUndefined();
      expect(JSON.stringify(requests[0]?.headers)).not.toContain('sk-openai-key-must-not-leak');
    } finally {
      if (env !== undefined) {
        if (previous === undefined) delete env.OPENAI_API_KEY;
        else env.OPENAI_API_KEY = previous;
      }
    }
  });

  it('sends the apiKey, headers and query parameters', async () => {
    const { fetch, requests } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({
      name: 'azure-like',
      baseURL: 'https://example.test/openai/v1',
      apiKey: 'key-123',
      headers: { 'x-tenant': 't1' },
      queryParams: { 'api-version': '2024-10-21' },
      fetch,
    });
    await adapter.doGenerate(call());

    expect(requests[0]?.url).toBe('https://example.test/openai/v1/chat/completions?api-version=2024-10-21');
    expect(requests[0]?.headers).toMatchObject({ authorization: 'Bearer key-123', 'x-tenant': 't1' });
  });

  it('drops the preset’s unsupported fields with one warning each', async () => {
    const { fetch, requests } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({
      name: 'deepseek',
      baseURL: 'https://api.deepseek.com',
      apiKey: 'key',
      unsupported: ['logprobs', 'top_logprobs', 'logit_bias', 'parallel_tool_calls', 'seed'],
      fetch,
    });

    const result = await adapter.doGenerate(
      call({ logprobs: true, top_logprobs: 3, logit_bias: { '1': 5 }, seed: null, temperature: 0.6 }),
    );

    expect(requests[0]?.body).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "用中文打招呼",
            "role": "user",
          },
        ],
        "model": "deepseek-reasoner",
        "temperature": 0.6,
      }
    `);
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "message": "deepseek does not support this setting; logprobs was not sent.",
          "setting": "logprobs",
          "type": "unsupported-setting",
        },
        {
          "message": "deepseek does not support this setting; top_logprobs was not sent.",
          "setting": "top_logprobs",
          "type": "unsupported-setting",
        },
        {
          "message": "deepseek does not support this setting; logit_bias was not sent.",
          "setting": "logit_bias",
          "type": "unsupported-setting",
        },
      ]
    `);
  });

  it('drops legacy functions with warnings', async () => {
    const { fetch, requests } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({ name: 'compat', baseURL: 'https://example.test/v1', fetch });

    const result = await adapter.doGenerate(
      call({
        functions: [{ name: 'lookup', parameters: { type: 'object' } }],
        function_call: 'auto',
      }),
    );

    expect(requests[0]?.body).not.toHaveProperty('functions');
    expect(requests[0]?.body).not.toHaveProperty('function_call');
    expect(result.warnings.map((warning) => warning.setting)).toEqual(['functions', 'function_call']);
  });

  it('rejects an audio output format the API cannot take, before calling it', async () => {
    const { fetch, requests } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({ name: 'compat', baseURL: 'https://example.test/v1', fetch });

    const error = await rejection(
      // @ts-expect-error a format the types exclude, as it can arrive over HTTP
      adapter.doGenerate(call({ modalities: ['text', 'audio'], audio: { format: 'ogg', voice: 'alloy' } })),
    );

    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      provider: 'compat',
      message: "Unsupported audio format 'ogg'. (audio.format)",
    });
    expect(requests).toHaveLength(0);
  });

  it('sends a supported audio output request unchanged', async () => {
    const { fetch, requests } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({ name: 'compat', baseURL: 'https://example.test/v1', fetch });

    await adapter.doGenerate(
      call({ modalities: ['text', 'audio'], audio: { format: 'wav', voice: { id: 'voice_1' } } }),
    );

    expect(requests[0]?.body).toMatchObject({ audio: { format: 'wav', voice: { id: 'voice_1' } } });
  });

  it('sends reasoning_content back by default (DeepSeek tool loops need it)', async () => {
    const { fetch, requests } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({ name: 'deepseek', baseURL: 'https://api.deepseek.com', fetch });

    const result = await adapter.doGenerate(
      call({
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello', reasoning_content: 'Be brief.' },
          { role: 'user', content: 'And now?' },
        ],
      }),
    );

    expect(requests[0]?.body).toMatchObject({ messages: [{}, { reasoning_content: 'Be brief.' }, {}] });
    expect(result.warnings).toEqual([]);
  });

  it('declares overridden capabilities and omits doEmbed when embeddings are off', () => {
    const adapter = openaiCompatible({
      name: 'chat-only',
      baseURL: 'https://example.test/v1',
      capabilities: { embeddings: false, images: false },
    });

    expect(adapter.capabilities).toMatchObject({ embeddings: false, images: false, tools: true });
    expect(adapter.doEmbed).toBeUndefined();
  });
});

describe('openaiCompatible() reasoning servers', () => {
  it('reads reasoning_content and top-level cache hits from a DeepSeek completion', async () => {
    const { fetch } = fixtureFetch({ body: deepseekBody });
    const adapter = openaiCompatible({ name: 'deepseek', baseURL: 'https://api.deepseek.com', fetch });

    const result = await adapter.doGenerate(call());

    expect(result.choices[0]).toMatchObject({
      text: '9.11 比 9.9 小。',
      reasoning: '比较 9.11 和 9.9：整数部分相同，比较小数部分 0.11 与 0.90，0.90 更大。',
    });
    expect(result.usage).toEqual({
      prompt_tokens: 80,
      completion_tokens: 126,
      total_tokens: 206,
      prompt_tokens_details: { cached_tokens: 64 },
      completion_tokens_details: { reasoning_tokens: 104 },
    });
  });

  it('streams DeepSeek reasoning_content deltas, then text, then usage from the finishing chunk', async () => {
    const { fetch } = fixtureFetch({ body: deepseekStream, chunkSizes: [2, 5, 1, 33] });
    const adapter = openaiCompatible({ name: 'deepseek', baseURL: 'https://api.deepseek.com', fetch });

    const { stream } = await adapter.doStream(call());
    const parts = await readAll(stream);

    expect(textOf(parts, 'reasoning-delta')).toBe('用户用中文打招呼，我应该友好地回应。');
    expect(textOf(parts, 'text-delta')).toBe('你好！很高兴见到你。');
    const kinds = parts.map((part) => part.type);
    expect(kinds.lastIndexOf('reasoning-delta')).toBeLessThan(kinds.indexOf('text-delta'));
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', reason: { unified: 'stop', raw: 'stop' } },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 11,
          completion_tokens: 31,
          total_tokens: 42,
          prompt_tokens_details: { cached_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 18 },
        },
      },
    ]);
  });

  it('streams Ollama `reasoning` deltas and a tool call sent in one delta', async () => {
    const { fetch } = fixtureFetch({ body: ollamaStream });
    const adapter = openaiCompatible({ name: 'ollama', baseURL: 'http://localhost:11434/v1', fetch });

    const { stream } = await adapter.doStream(call({}, { modelId: 'qwen3:8b' }));
    const parts = await readAll(stream);

    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "created": 1749564203,
          "id": "chatcmpl-412",
          "model": "qwen3:8b",
          "systemFingerprint": "fp_ollama",
          "type": "response-metadata",
        },
        {
          "delta": "The user",
          "type": "reasoning-delta",
        },
        {
          "delta": " wants the weather",
          "type": "reasoning-delta",
        },
        {
          "delta": " in Paris.",
          "type": "reasoning-delta",
        },
        {
          "id": "call_k2m9x4qa",
          "index": 0,
          "name": "get_weather",
          "type": "tool-call-start",
        },
        {
          "argumentsDelta": "{"city":"Paris"}",
          "index": 0,
          "type": "tool-call-delta",
        },
        {
          "index": 0,
          "type": "tool-call-end",
        },
        {
          "reason": {
            "raw": "tool_calls",
            "unified": "tool_calls",
          },
          "type": "finish",
        },
        {
          "type": "usage",
          "usage": {
            "completion_tokens": 37,
            "prompt_tokens": 142,
            "total_tokens": 179,
          },
        },
      ]
    `);
  });
});

describe('openaiCompatible() provider errors', () => {
  it('ends the stream with a typed error when OpenRouter sends an error event mid-stream', async () => {
    const { fetch } = fixtureFetch({ body: openrouterErrorStream, chunkSizes: [17] });
    const adapter = openaiCompatible({ name: 'openrouter', baseURL: 'https://openrouter.ai/api/v1', fetch });

    const { stream } = await adapter.doStream(call({}, { modelId: 'openai/gpt-4o-mini' }));
    const parts = await readAll(stream);

    expect(textOf(parts, 'text-delta')).toBe('Once upon');
    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    const error = last?.type === 'error' ? last.error : undefined;
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 500,
      provider: 'openrouter',
      message: 'Provider disconnected unexpectedly',
      body: { error: { code: 'server_error', message: 'Provider disconnected unexpectedly' } },
    });
  });

  it('turns an error body sent with HTTP 200 into the error its code names', async () => {
    const body = '{"error":{"message":"Upstream model failed","code":502}}';
    const { fetch } = fixtureFetch({ body });
    const adapter = openaiCompatible({ name: 'openrouter', baseURL: 'https://openrouter.ai/api/v1', fetch });

    const error = await rejection(adapter.doGenerate(call()));

    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, message: 'Upstream model failed', body: JSON.parse(body) });
  });

  it('preserves a non-OpenAI error body exactly (vLLM)', async () => {
    const body =
      '{"object":"error","message":"This model\'s maximum context length is 8192 tokens.","type":"BadRequestError","param":null,"code":400}';
    const { fetch } = fixtureFetch({ status: 400, body });
    const adapter = openaiCompatible({ name: 'vllm', baseURL: 'http://localhost:8000/v1', fetch });

    const error = await rejection(adapter.doGenerate(call()));

    expect(BadRequestError.isInstance(error)).toBe(true);
    if (!APIError.isInstance(error)) return;
    expect(error.body).toEqual(JSON.parse(body));
    expect(error.message).toBe("This model's maximum context length is 8192 tokens.");
  });
});

describe('openaiCompatible() embeddings and models', () => {
  it('accepts float-array embeddings from servers that ignore base64', async () => {
    const body = JSON.stringify({
      object: 'list',
      data: [
        { object: 'embedding', embedding: [0.5, -0.25], index: 1 },
        { object: 'embedding', embedding: [0.125, 1], index: 0 },
      ],
      model: 'nomic-embed-text',
      usage: { prompt_tokens: 4, total_tokens: 4 },
    });
    const { fetch } = fixtureFetch({ body });
    const adapter = openaiCompatible({ name: 'ollama', baseURL: 'http://localhost:11434/v1', fetch });

    const result = await adapter.doEmbed?.({
      modelId: 'nomic-embed-text',
      request: { input: ['a', 'b'], encoding_format: 'float' },
      signal: new AbortController().signal,
      headers: {},
    });

    expect(result).toEqual({
      embeddings: [
        [0.125, 1],
        [0.5, -0.25],
      ],
      usage: { prompt_tokens: 4, total_tokens: 4 },
      model: 'nomic-embed-text',
      warnings: [],
    });
  });

  it('maps a failed model listing to a typed error', async () => {
    const { fetch } = fixtureFetch({ status: 404, body: '{"error":{"message":"Not Found"}}' });
    const adapter = openaiCompatible({ name: 'compat', baseURL: 'https://example.test/v1', fetch });

    const error = await rejection(adapter.listModels?.() ?? Promise.resolve());

    expect(error).toMatchObject({ status: 404, provider: 'compat', message: 'Not Found' });
  });
});
