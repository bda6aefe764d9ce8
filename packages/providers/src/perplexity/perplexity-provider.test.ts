import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { PERPLEXITY_CITATIONS_WARNING, perplexity } from './perplexity-provider.js';

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'sonar',
  request: {
    model: 'perplexity/sonar',
    messages: [{ role: 'user', content: 'Météo à Paris ?' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('perplexity()', () => {
  it('calls api.perplexity.ai with PERPLEXITY_API_KEY', async () => {
    vi.stubEnv('PERPLEXITY_API_KEY', 'pplx-env');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await perplexity({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('https://api.perplexity.ai/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer pplx-env');
    expect(result.choices[0]?.text).toBe(
      'Il fait 9 °C à Paris avec un ciel couvert, et des averses sont attendues en soirée [1][2].',
    );
    expect(result.usage).toEqual({ prompt_tokens: 9, completion_tokens: 58, total_tokens: 67 });
  });

  it('drops tools and the sampling fields Sonar does not take, with one warning each', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await perplexity({ apiKey: 'pplx-test', fetch }).doGenerate(
      call({
        tools: [weatherTool],
        tool_choice: 'auto',
        parallel_tool_calls: true,
        stop: ['\n'],
        seed: 7,
        temperature: 0.2,
      }),
    );

    expect(requests[0]?.body).toEqual({
      model: 'sonar',
      messages: [{ role: 'user', content: 'Météo à Paris ?' }],
      temperature: 0.2,
    });
    expect(
      result.warnings.flatMap((warning) => (warning.type === 'unsupported-setting' ? [warning.setting] : [])),
    ).toEqual(['tools', 'tool_choice', 'parallel_tool_calls', 'stop', 'seed']);
  });

  it('warns that the citations and search results were not carried, streaming or not', async () => {
    const { fetch } = fixtureFetch({ body: completionBody });
    const adapter = perplexity({ apiKey: 'pplx-test', baseURL: 'https://pplx.proxy.test', fetch });

    const result = await adapter.doGenerate(call());

    expect(result.warnings).toEqual([PERPLEXITY_CITATIONS_WARNING]);
    const streamed = await adapter.doStream(call());
    await streamed.stream.cancel();
    expect(streamed.warnings).toEqual([PERPLEXITY_CITATIONS_WARNING]);
  });

  it('declares no tools, reasoning or embeddings, and has no listModels (no /models endpoint)', () => {
    const adapter = perplexity({ apiKey: 'pplx-test' });
    expect(adapter.capabilities).toEqual({
      streaming: true,
      tools: false,
      parallelToolCalls: false,
      jsonSchema: true,
      reasoning: false,
      images: true,
      embeddings: false,
    });
    expect(adapter.listModels).toBeUndefined();
    expect(adapter.doEmbed).toBeUndefined();
  });
});
