import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import reasoningBody from './__fixtures__/conformance/reasoning.json?raw';
import parallelToolsStream from './__fixtures__/conformance/stream-parallel-tools.sse.txt?raw';
import textBody from './__fixtures__/conformance/text.json?raw';
import { groq } from './groq-provider.js';

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'openai/gpt-oss-120b',
  request: {
    model: 'groq/openai/gpt-oss-120b',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('groq()', () => {
  it('calls api.groq.com/openai/v1 with the key from GROQ_API_KEY', async () => {
    vi.stubEnv('GROQ_API_KEY', 'gsk_env_key');
    const { fetch, requests } = fixtureFetch({ body: textBody });

    await groq({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('https://api.groq.com/openai/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer gsk_env_key');
  });

  it('takes an explicit key, base URL and headers over the defaults', async () => {
    vi.stubEnv('GROQ_API_KEY', 'gsk_env_key');
    const { fetch, requests } = fixtureFetch({ body: textBody });

    await groq({
      apiKey: 'gsk_explicit',
      baseURL: 'https://groq.proxy.test/v1',
      headers: { 'x-team': 'a' },
      fetch,
    }).doGenerate(call());

    expect(requests[0]?.url).toBe('https://groq.proxy.test/v1/chat/completions');
    expect(requests[0]?.headers).toMatchObject({ authorization: 'Bearer gsk_explicit', 'x-team': 'a' });
  });

  it('drops logprobs, top_logprobs and logit_bias (Groq answers 400) with one warning each', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });

    const result = await groq({ apiKey: 'gsk_test', fetch }).doGenerate(
      call({ logprobs: true, top_logprobs: 2, logit_bias: { '1734': -100 }, temperature: 0 }),
    );

    expect(requests[0]?.body).toEqual({
      model: 'openai/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      temperature: 0,
    });
    expect(
      result.warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting),
    ).toEqual(['logprobs', 'top_logprobs', 'logit_bias']);
  });

  it('reads the `reasoning` field and ignores Groq’s timing fields in usage', async () => {
    const { fetch } = fixtureFetch({ body: reasoningBody });

    const result = await groq({ apiKey: 'gsk_test', fetch }).doGenerate(call({ reasoning_effort: 'low' }));

    expect(result.choices[0]?.reasoning).toBe(
      'Split 24 into 20 + 4: 17 × 20 = 340 and 17 × 4 = 68, so 340 + 68 = 408.',
    );
    expect(result.usage).toEqual({
      prompt_tokens: 81,
      completion_tokens: 96,
      total_tokens: 177,
      completion_tokens_details: { reasoning_tokens: 61 },
    });
  });

  it('streams whole tool calls sent in one delta as indexed start/delta/end parts, with usage from the finishing chunk', async () => {
    const { fetch } = fixtureFetch({ body: parallelToolsStream, chunkSizes: [9] });

    const { stream } = await groq({ apiKey: 'gsk_test', fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(parts.filter((part) => part.type !== 'response-metadata')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'tk85n1k4m', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool-call-start', index: 1, id: 'w7q2z9mab', name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"timezone":"Europe/Paris"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_calls' } },
      { type: 'usage', usage: { prompt_tokens: 274, completion_tokens: 38, total_tokens: 312 } },
    ]);
  });

  it('declares no embeddings (Groq has no embeddings endpoint) and lists models', () => {
    const adapter = groq({ apiKey: 'gsk_test' });
    expect(adapter.provider).toBe('groq');
    expect(adapter.capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: true,
      jsonSchema: true,
      reasoning: true,
      images: true,
      embeddings: false,
    });
    expect(adapter.doEmbed).toBeUndefined();
    expect(adapter.listModels).toBeTypeOf('function');
  });
});
