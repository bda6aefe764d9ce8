import type { ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import reasoningBody from './__fixtures__/chat-reasoning.json?raw';
import { xai } from './xai-provider.js';

const call: ProviderCall = {
  modelId: 'grok-3-mini',
  request: {
    model: 'xai/grok-3-mini',
    messages: [{ role: 'user', content: 'What is 17 × 24?' }],
    reasoning_effort: 'low',
  },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('xai()', () => {
  it('calls api.x.ai/v1 with XAI_API_KEY and maps reasoning_content, reasoning and cached tokens', async () => {
    vi.stubEnv('XAI_API_KEY', 'xai-env-key');
    const { fetch, requests } = fixtureFetch({ body: reasoningBody });

    const result = await xai({ fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://api.x.ai/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer xai-env-key');
    expect(requests[0]?.body).toMatchObject({ reasoning_effort: 'low' });
    expect(result.choices[0]?.reasoning).toBe('17 × 24: 17 × 20 = 340, 17 × 4 = 68, total 408.');
    // xAI's completion_tokens (9) leaves out the 234 reasoning tokens; OpenAI counts them in.
    expect(result.usage).toMatchObject({
      prompt_tokens: 19,
      completion_tokens: 243,
      total_tokens: 262,
      prompt_tokens_details: { cached_tokens: 3 },
      completion_tokens_details: { reasoning_tokens: 234 },
    });
  });

  it('counts streamed reasoning tokens inside completion_tokens too', async () => {
    const stream = [
      'data: {"id":"3f9b2d6e-7a1c-4e58-b2d4-9c6e1f3a8b06","object":"chat.completion.chunk","created":1764152161,"model":"grok-3-mini","choices":[{"index":0,"delta":{"content":"408.","role":"assistant"}}],"system_fingerprint":"fp_6a2c1f3ebd"}',
      'data: {"id":"3f9b2d6e-7a1c-4e58-b2d4-9c6e1f3a8b06","object":"chat.completion.chunk","created":1764152161,"model":"grok-3-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"system_fingerprint":"fp_6a2c1f3ebd"}',
      'data: {"id":"3f9b2d6e-7a1c-4e58-b2d4-9c6e1f3a8b06","object":"chat.completion.chunk","created":1764152161,"model":"grok-3-mini","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":2,"total_tokens":221,"prompt_tokens_details":{"text_tokens":19,"audio_tokens":0,"image_tokens":0,"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":200,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0},"num_sources_used":0},"system_fingerprint":"fp_6a2c1f3ebd"}',
      'data: [DONE]',
      '',
    ].join('\n\n');
    const { fetch } = fixtureFetch({ body: stream, chunkSizes: [23] });

    const result = await xai({ apiKey: 'xai-test', fetch }).doStream(call);
    const parts = await readAll(result.stream);

    expect(parts.at(-1)).toMatchObject({
      type: 'usage',
      usage: { completion_tokens: 202, total_tokens: 221 },
    });
  });

  it('takes an explicit key and base URL', async () => {
    const { fetch, requests } = fixtureFetch({ body: reasoningBody });

    await xai({ apiKey: 'xai-explicit', baseURL: 'https://us-east-1.api.x.ai/v1', fetch }).doGenerate(call);

    expect(requests[0]?.url).toBe('https://us-east-1.api.x.ai/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer xai-explicit');
  });

  it('declares no embeddings', () => {
    const adapter = xai({ apiKey: 'xai-test' });
    expect(adapter.capabilities).toMatchObject({
      embeddings: false,
      tools: true,
      images: true,
      reasoning: true,
    });
    expect(adapter.doEmbed).toBeUndefined();
  });
});
