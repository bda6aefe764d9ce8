import { createGateway, type ProviderCall, type StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import parallelToolsStream from './__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import reasoningBody from './__fixtures__/chat-reasoning.json?raw';
import reasoningStream from './__fixtures__/chat-reasoning.sse.txt?raw';
import textBody from './__fixtures__/chat-text.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import toolCallBody from './__fixtures__/chat-tool-call.json?raw';
import embedBody from './__fixtures__/embed.json?raw';
import modelsBody from './__fixtures__/models.json?raw';
import { cohere } from './cohere-provider.js';

const sse = { 'content-type': 'text/event-stream' };

const call = (
  request: Partial<ProviderCall['request']> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'command-a-reasoning-08-2025',
  request: { model: 'command-a-reasoning-08-2025', messages: [{ role: 'user', content: 'Hi' }], ...request },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const sentBody = async (request: Partial<ProviderCall['request']>) => {
  const { fetch, requests } = fixtureFetch({ body: textBody });
  const result = await cohere({ apiKey: 'k', fetch }).doGenerate(call(request));
  return { body: requests[0]?.body, warnings: result.warnings };
};

const tool = (name: string, strict?: boolean) => ({
  type: 'function' as const,
  function: { name, parameters: { type: 'object' }, ...(strict === undefined ? {} : { strict }) },
});

describe('request mapping', () => {
  it("uses Cohere's names: p, stop_sequences, seed, max_tokens from max_completion_tokens, penalties", async () => {
    const { body, warnings } = await sentBody({
      top_p: 0.9,
      stop: 'END',
      seed: 5,
      max_tokens: 10,
      max_completion_tokens: 30,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      parallel_tool_calls: true,
      stream_options: { include_usage: true },
    });
    expect(body).toMatchObject({
      p: 0.9,
      stop_sequences: ['END'],
      seed: 5,
      max_tokens: 30,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
    });
    expect(body).not.toHaveProperty('top_p');
    expect(warnings).toEqual([]);
  });

  it('warns for every setting Cohere cannot take, and sends none of them', async () => {
    const { body, warnings } = await sentBody({
      logprobs: true,
      user: 'u-1',
      metadata: { a: 'b' },
      prompt_cache_key: 'k',
      n: 2,
      parallel_tool_calls: false,
      messages: [{ role: 'user', content: 'Hi', name: 'alice' }],
    });
    expect(warnings.map((warning) => warning.setting)).toEqual([
      'logprobs',
      'user',
      'metadata',
      'prompt_cache_key',
      'n',
      'parallel_tool_calls',
      'messages[].name',
    ]);
    expect(Object.keys(body ?? {})).toEqual(['model', 'messages', 'stream']);
  });

  it('maps reasoning_effort to thinking: none disables it, max has no budget', async () => {
    expect((await sentBody({ reasoning_effort: 'none' })).body).toMatchObject({
      thinking: { type: 'disabled' },
    });
    expect((await sentBody({ reasoning_effort: 'high' })).body).toMatchObject({
      thinking: { type: 'enabled', token_budget: 16384 },
    });
    expect((await sentBody({ reasoning_effort: 'max' })).body).toMatchObject({
      thinking: { type: 'enabled' },
    });
  });

  it('does not send a named tool_choice (Cohere cannot force one tool) and warns', async () => {
    const { body, warnings } = await sentBody({
      tools: [tool('a'), tool('b')],
      tool_choice: { type: 'function', function: { name: 'b' } },
    });
    expect(body).not.toHaveProperty('tool_choice');
    expect(warnings).toEqual([expect.objectContaining({ setting: 'tool_choice' })]);
    expect((await sentBody({ tools: [tool('a')], tool_choice: 'none' })).body).toMatchObject({
      tool_choice: 'NONE',
    });
  });

  it('meets allowed_tools by sending only the allowed tools; strict tools become strict_tools', async () => {
    const { body, warnings } = await sentBody({
      tools: [tool('a', true), tool('b', true), tool('c')],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'b' } }] },
      },
    });
    expect(body).toMatchObject({
      tool_choice: 'REQUIRED',
      strict_tools: true,
      tools: [{ function: { name: 'b' } }],
    });
    expect(body).toHaveProperty('tools.length', 1);
    expect(warnings).toEqual([expect.objectContaining({ setting: 'tools[].function.strict' })]);
  });

  it('replays reasoning as thinking content, and as the tool plan of a tool-calling turn', async () => {
    const { body } = await sentBody({
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'high' } }],
        },
        { role: 'assistant', content: 'It is 4.', reasoning_content: '2 + 2 = 4' },
        {
          role: 'assistant',
          content: 'Let me check.',
          reasoning_content: 'I need the weather tool.',
          tool_calls: [
            { id: 'get_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'get_weather_1', content: [{ type: 'text', text: 'sunny' }] },
      ],
    });
    expect(body).toHaveProperty('messages', [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'high' } }],
      },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: '2 + 2 = 4' },
          { type: 'text', text: 'It is 4.' },
        ],
      },
      {
        role: 'assistant',
        tool_plan: 'I need the weather tool.\n\nLet me check.',
        tool_calls: [
          { id: 'get_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'get_weather_1', content: [{ type: 'text', text: 'sunny' }] },
    ]);
  });

  it('rejects audio and file parts with a BadRequestError before any request', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await expect(
      cohere({ apiKey: 'k', fetch }).doGenerate(
        call({
          messages: [
            {
              role: 'user',
              content: [{ type: 'input_audio', input_audio: { data: 'AA==', format: 'wav' } }],
            },
          ],
        }),
      ),
    ).rejects.toMatchObject({ status: 400, provider: 'cohere' });
    expect(requests).toHaveLength(0);
  });

  it('sends the key and headers to a baseURL given with or without a version', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await cohere({
      apiKey: 'co-1',
      baseURL: 'https://proxy.example.test/v2/',
      headers: { 'x-team': 'a' },
      fetch,
    }).doGenerate(call({}, { headers: { 'x-trace': 't' } }));
    expect(requests[0]?.url).toBe('https://proxy.example.test/v2/chat');
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Bearer co-1',
      'x-team': 'a',
      'x-trace': 't',
    });
  });

  it('sends no Authorization header without a key (and never a placeholder)', async () => {
    const saved = [globalThis.process?.env.CO_API_KEY, globalThis.process?.env.COHERE_API_KEY];
    if (globalThis.process !== undefined) {
      delete globalThis.process.env.CO_API_KEY;
      delete globalThis.process.env.COHERE_API_KEY;
    }
    try {
      const { fetch, requests } = fixtureFetch({ body: textBody });
      await cohere({ fetch }).doGenerate(call());
      expect(requests[0]?.headers).not.toHaveProperty('authorization');
    } finally {
      if (globalThis.process !== undefined && saved[0] !== undefined)
        globalThis.process.env.CO_API_KEY = saved[0];
      if (globalThis.process !== undefined && saved[1] !== undefined)
        globalThis.process.env.COHERE_API_KEY = saved[1];
    }
  });
});

describe('response mapping', () => {
  it('maps text, billed usage and the raw finish reason', async () => {
    const { fetch } = fixtureFetch({ body: textBody });
    const result = await cohere({ apiKey: 'k', fetch }).doGenerate(call());
    expect(result.response).toEqual({ id: '6f2d0c1e-8a4b-4f3e-9c5d-2b1a0e9f8d7c' });
    expect(result.choices[0]).toMatchObject({
      text: 'Bonjour !',
      finishReason: { unified: 'stop', raw: 'COMPLETE' },
    });
    expect(result.usage).toEqual({ prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 });
  });

  it('maps MAX_TOKENS to length', async () => {
    const { fetch } = fixtureFetch({ body: textBody.replace('"COMPLETE"', '"MAX_TOKENS"') });
    const [choice] = (await cohere({ apiKey: 'k', fetch }).doGenerate(call())).choices;
    expect(choice?.finishReason).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
  });

  it('maps thinking content and the tool plan to reasoning', async () => {
    const thinking = fixtureFetch({ body: reasoningBody });
    const [reasoned] = (await cohere({ apiKey: 'k', fetch: thinking.fetch }).doGenerate(call())).choices;
    expect(reasoned).toMatchObject({
      text: '17 × 24 = 408',
      reasoning: expect.stringContaining('340 + 68 = 408'),
    });
    const tools = fixtureFetch({ body: toolCallBody });
    const [planned] = (await cohere({ apiKey: 'k', fetch: tools.fetch }).doGenerate(call())).choices;
    expect(planned).toMatchObject({
      text: null,
      reasoning: 'I will look up the current weather in Paris.',
      toolCalls: [{ id: 'get_weather_3mqk8w2rzs1v', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      finishReason: { unified: 'tool_calls', raw: 'TOOL_CALL' },
    });
  });

  it('streams text deltas, the finish and one usage part', async () => {
    const { fetch } = fixtureFetch({ body: textStream, headers: sse, chunkSizes: [9] });
    const { stream } = await cohere({ apiKey: 'k', fetch }).doStream(call());
    expect(await readAll(stream)).toEqual([
      { type: 'response-metadata', id: '321d178c-2c12-44d3-ae42-2f5510f6b1cc' },
      { type: 'text-delta', delta: 'Bon' },
      { type: 'text-delta', delta: 'jour' },
      { type: 'text-delta', delta: ' !' },
      { type: 'text-delta', delta: ' Ça va ?' },
      { type: 'finish', reason: { unified: 'stop', raw: 'COMPLETE' } },
      { type: 'usage', usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 } },
    ]);
  });

  it('streams thinking as reasoning deltas', async () => {
    const { fetch } = fixtureFetch({ body: reasoningStream, headers: sse, chunkSizes: [5] });
    const { stream } = await cohere({ apiKey: 'k', fetch }).doStream(call());
    const parts = await readAll(stream);
    const joined = (type: StreamPart['type']) =>
      parts.map((part) => (part.type === type && 'delta' in part ? part.delta : '')).join('');
    expect(joined('reasoning-delta')).toBe('17 × 20 = 340, 17 × 4 = 68, 340 + 68 = 408.');
    expect(joined('text-delta')).toBe('17 × 24 = 408');
  });

  it('streams the tool plan as reasoning and each call with start, deltas and end', async () => {
    const { fetch } = fixtureFetch({ body: parallelToolsStream, headers: sse });
    const { stream } = await cohere({ apiKey: 'k', fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(
      parts
        .filter((part) => part.type === 'reasoning-delta')
        .map((part) => part.delta)
        .join(''),
    ).toBe('I will look up the weather and the local time in Paris.');
    const calls = parts.filter(
      (part) => part.type.startsWith('tool-call') && part.type !== 'tool-call-delta',
    );
    expect(calls).toEqual([
      { type: 'tool-call-start', index: 0, id: 'get_weather_e8p4pn45zt0t', name: 'get_weather' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'get_time_pyxssbwnq9fq', name: 'get_time' },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(parts.at(-2)).toEqual({ type: 'finish', reason: { unified: 'tool_calls', raw: 'TOOL_CALL' } });
  });
});

describe('embeddings and models', () => {
  it('embeds text as float vectors with input_type search_document by default', async () => {
    const { fetch, requests } = fixtureFetch({ body: embedBody });
    const result = await cohere({ apiKey: 'k', fetch }).doEmbed?.({
      modelId: 'embed-v4.0',
      request: { input: ['hello', 'goodbye'], dimensions: 256 },
      signal: new AbortController().signal,
      headers: {},
    });
    expect(requests[0]?.url).toBe('https://api.cohere.com/v2/embed');
    expect(requests[0]?.body).toEqual({
      model: 'embed-v4.0',
      input_type: 'search_document',
      embedding_types: ['float'],
      texts: ['hello', 'goodbye'],
      output_dimension: 256,
    });
    expect(result).toMatchObject({
      model: 'embed-v4.0',
      usage: { prompt_tokens: 2, total_tokens: 2 },
      warnings: [],
    });
    expect(result?.embeddings[1]?.[0]).toBe(-0.02027893);
  });

  it('uses the configured input_type', async () => {
    const { fetch, requests } = fixtureFetch({ body: embedBody });
    await cohere({ apiKey: 'k', fetch, embeddingInputType: 'search_query' }).doEmbed?.({
      modelId: 'embed-v4.0',
      request: { input: 'hello' },
      signal: new AbortController().signal,
      headers: {},
    });
    expect(requests[0]?.body).toMatchObject({ input_type: 'search_query', texts: ['hello'] });
  });

  it('lists models', async () => {
    const { fetch, requests } = fixtureFetch({ body: modelsBody });
    const models = await cohere({ apiKey: 'k', fetch }).listModels?.();
    expect(requests[0]?.url).toBe('https://api.cohere.com/v1/models?page_size=1000');
    expect(models).toEqual([
      { id: 'command-a-reasoning-08-2025', ownedBy: 'cohere' },
      { id: 'embed-v4.0', ownedBy: 'cohere' },
    ]);
  });
});

describe('behind createGateway', () => {
  it("uses the gateway's fetch when the adapter has none", async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const gateway = createGateway({ providers: { cohere: cohere({ apiKey: 'k' }) }, fetch, maxRetries: 0 });
    const completion = await gateway.chat.completions.create({
      model: 'cohere/command-a-reasoning-08-2025',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      top_p: 0.5,
    });
    expect(completion.choices[0]?.message.content).toBe('Bonjour !');
    expect(requests[0]?.body).toMatchObject({ p: 0.5 });
  });
});
