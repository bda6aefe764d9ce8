import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import cacheHitBody from './__fixtures__/chat-cache-hit.json?raw';
import reasonerBody from './__fixtures__/chat-completion.json?raw';
import { deepseek } from './deepseek-provider.js';

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'deepseek-reasoner',
  request: {
    model: 'deepseek/deepseek-reasoner',
    messages: [{ role: 'user', content: 'What is 17 × 24?' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('deepseek()', () => {
  it('calls api.deepseek.com with DEEPSEEK_API_KEY and reads reasoning_content', async () => {
    vi.stubEnv('DEEPSEEK_API_KEY', 'sk-ds-env');
    const { fetch, requests } = fixtureFetch({ body: reasonerBody });

    const result = await deepseek({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('https://api.deepseek.com/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer sk-ds-env');
    expect(result.choices[0]).toMatchObject({
      text: '17 × 24 = 408。',
      reasoning: '17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408。',
    });
    expect(result.usage?.completion_tokens_details).toEqual({ reasoning_tokens: 46 });
  });

  it('reports prompt_cache_hit_tokens as cached tokens (prompt_tokens already includes them)', async () => {
    const { fetch } = fixtureFetch({ body: cacheHitBody });

    const result = await deepseek({ apiKey: 'sk-ds', fetch }).doGenerate(call());

    expect(result.usage).toEqual({
      prompt_tokens: 1056,
      completion_tokens: 11,
      total_tokens: 1067,
      prompt_tokens_details: { cached_tokens: 1024 },
    });
  });

  it('sends reasoning_content back on assistant turns (tool loops in thinking mode require it)', async () => {
    const { fetch, requests } = fixtureFetch({ body: reasonerBody });

    const result = await deepseek({
      apiKey: 'sk-ds',
      baseURL: 'https://api.deepseek.com/v1',
      fetch,
    }).doGenerate(
      call({
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: null,
            reasoning_content: 'I should call get_weather.',
            tool_calls: [
              {
                id: 'call_0',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_0', content: '{"temperature_c":18}' },
        ],
      }),
    );

    expect(requests[0]?.url).toBe('https://api.deepseek.com/v1/chat/completions');
    expect(requests[0]?.body).toMatchObject({
      messages: [{}, { reasoning_content: 'I should call get_weather.' }, {}],
    });
    expect(result.warnings).toEqual([]);
  });

  it('declares no json_schema, images or embeddings, so none of those scenarios apply', () => {
    const adapter = deepseek({ apiKey: 'sk-ds' });
    expect(adapter.capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: true,
      jsonSchema: false,
      reasoning: true,
      images: false,
      embeddings: false,
    });
    expect(adapter.doEmbed).toBeUndefined();
  });
});
