import { createGateway, type ProviderCall, type StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import imageBody from './__fixtures__/chat-image.json?raw';
import parallelToolsStream from './__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import reasoningBody from './__fixtures__/chat-reasoning.json?raw';
import reasoningStream from './__fixtures__/chat-reasoning.sse.txt?raw';
import textBody from './__fixtures__/chat-text.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import embeddingsBody from './__fixtures__/embeddings.json?raw';
import modelsBody from './__fixtures__/models.json?raw';
import { mistral } from './mistral-provider.js';
import { createMistralToolCallIds } from './to-mistral-tool-call-id.js';

const call = (
  request: Partial<ProviderCall['request']> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'mistral-small-latest',
  request: { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Hi' }], ...request },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const sentBody = async (request: Partial<ProviderCall['request']>) => {
  const { fetch, requests } = fixtureFetch({ body: textBody });
  const result = await mistral({ apiKey: 'k', fetch }).doGenerate(call(request));
  return { body: requests[0]?.body, warnings: result.warnings };
};

describe('request mapping', () => {
  it("uses Mistral's names: random_seed, max_tokens from max_completion_tokens, top_p, penalties, n", async () => {
    const { body, warnings } = await sentBody({
      seed: 7,
      max_tokens: 10,
      max_completion_tokens: 20,
      top_p: 0.5,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      n: 2,
      prompt_cache_key: 'tenant-1',
      prediction: {
        type: 'content',
        content: [
          { type: 'text', text: 'Bon' },
          { type: 'text', text: 'jour' },
        ],
      },
      stream_options: { include_usage: true },
    });
    expect(body).toMatchObject({
      random_seed: 7,
      max_tokens: 20,
      top_p: 0.5,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      n: 2,
      prompt_cache_key: 'tenant-1',
      prediction: { type: 'content', content: 'Bonjour' },
    });
    expect(body).not.toHaveProperty('seed');
    expect(body).not.toHaveProperty('stream_options');
    expect(warnings).toEqual([]);
  });

  it('warns for every setting Mistral cannot take, and sends none of them', async () => {
    const { body, warnings } = await sentBody({
      logit_bias: { '42': 1 },
      logprobs: true,
      top_logprobs: 2,
      user: 'u-1',
      store: true,
      service_tier: 'flex',
      verbosity: 'low',
      modalities: ['text', 'audio'],
      messages: [{ role: 'user', content: 'Hi', name: 'alice' }],
    });
    expect(warnings.map((warning) => warning.setting)).toEqual([
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'user',
      'store',
      'verbosity',
      'modalities',
      'service_tier',
      'messages[].name',
    ]);
    expect(warnings.every((warning) => warning.type === 'unsupported-setting')).toBe(true);
    expect(Object.keys(body ?? {})).toEqual(['model', 'stream', 'messages']);
  });

  it("sends reasoning_effort as is, and 'max' as xhigh with a warning", async () => {
    const { body, warnings } = await sentBody({ reasoning_effort: 'max' });
    expect(body).toMatchObject({ reasoning_effort: 'xhigh' });
    expect(warnings).toEqual([expect.objectContaining({ setting: 'reasoning_effort' })]);
    expect((await sentBody({ reasoning_effort: 'none' })).body).toMatchObject({ reasoning_effort: 'none' });
  });

  it('maps json_object, image detail, developer messages and a trailing assistant prefix', async () => {
    const { body, warnings } = await sentBody({
      response_format: { type: 'json_object' },
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
            { type: 'image_url', image_url: { url: 'https://example.com/b.png', detail: 'original' } },
          ],
        },
        { role: 'assistant', content: 'Bonjour', reasoning_content: 'French greeting.' },
      ],
    });
    expect(body).toMatchObject({
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
            { type: 'image_url', image_url: 'https://example.com/b.png' },
          ],
        },
        {
          role: 'assistant',
          prefix: true,
          content: [
            { type: 'thinking', thinking: [{ type: 'text', text: 'French greeting.' }], closed: true },
            { type: 'text', text: 'Bonjour' },
          ],
        },
      ],
    });
    expect(warnings.map((warning) => warning.setting)).toEqual(['messages[1].content[1].image_url.detail']);
  });

  it('rewrites foreign tool call ids to 9 alphanumerics, the same in calls and results', async () => {
    const { body } = await sentBody({
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          tool_calls: [
            { id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
            { id: 'Wt7xQ2mNa', type: 'function', function: { name: 'get_time', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_abc', content: 'sunny' },
        { role: 'tool', tool_call_id: 'Wt7xQ2mNa', content: 'noon' },
      ],
    });
    const mapped = createMistralToolCallIds()('call_abc');
    expect(mapped).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(body).toMatchObject({
      messages: [
        { role: 'user' },
        {
          role: 'assistant',
          prefix: false,
          tool_calls: [
            { id: mapped, index: 0 },
            { id: 'Wt7xQ2mNa', index: 1 },
          ],
        },
        { role: 'tool', tool_call_id: mapped, name: 'get_weather' },
        { role: 'tool', tool_call_id: 'Wt7xQ2mNa', name: 'get_time' },
      ],
    });
  });

  it("sends Mistral's signed reasoning_details back as signed thinking chunks, skipping other providers'", async () => {
    const { body } = await sentBody({
      messages: [
        { role: 'user', content: 'What is 17 × 24?' },
        {
          role: 'assistant',
          content: '408',
          reasoning_content: '340 + 68',
          reasoning_details: [
            { type: 'reasoning.text', text: 'thought elsewhere', signature: 'sig-a', provider: 'anthropic' },
            { type: 'reasoning.text', text: '340 + 68', signature: 'sig-m', provider: 'mistral' },
          ],
        },
        { role: 'user', content: 'And 18 × 24?' },
      ],
    });
    expect(body).toHaveProperty('messages.1.content', [
      { type: 'thinking', thinking: [{ type: 'text', text: '340 + 68' }], closed: true, signature: 'sig-m' },
      { type: 'text', text: '408' },
    ]);
  });

  it('meets allowed_tools by sending only the allowed tools', async () => {
    const tool = (name: string) => ({
      type: 'function' as const,
      function: { name, parameters: { type: 'object' } },
    });
    const { body } = await sentBody({
      tools: [tool('a'), tool('b')],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'b' } }] },
      },
    });
    expect(body).toMatchObject({ tool_choice: 'any', tools: [{ function: { name: 'b' } }] });
    expect(body).toHaveProperty('tools.length', 1);
  });

  it('rejects what Mistral cannot represent with a BadRequestError before any request', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = mistral({ apiKey: 'k', fetch });
    await expect(
      adapter.doGenerate(call({ tools: [{ type: 'custom', custom: { name: 'grep' } }] })),
    ).rejects.toMatchObject({ status: 400, provider: 'mistral' });
    await expect(
      adapter.doGenerate(
        call({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-1' } }] }] }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    expect(requests).toHaveLength(0);
  });

  it('sends the key, the adapter and call headers, to a baseURL given with or without /v1', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = mistral({
      apiKey: 'k-1',
      baseURL: 'https://eu.example.test/v1/',
      headers: { 'x-team': 'a' },
      fetch,
    });
    await adapter.doGenerate(call({}, { headers: { 'x-trace': 't' } }));
    expect(requests[0]?.url).toBe('https://eu.example.test/v1/chat/completions');
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Bearer k-1',
      'x-team': 'a',
      'x-trace': 't',
    });
  });
});

describe('response mapping', () => {
  it('maps text, usage with cached tokens and the raw finish reason', async () => {
    const { fetch } = fixtureFetch({ body: imageBody });
    const result = await mistral({ apiKey: 'k', fetch }).doGenerate(call());
    expect(result.response).toEqual({
      id: 'e2f4a6b8c0d24e6f8a0b2c4d6e8f0a1b',
      created: 1788000005,
      model: 'mistral-small-latest',
    });
    expect(result.usage).toEqual({
      prompt_tokens: 2865,
      completion_tokens: 27,
      total_tokens: 2892,
      prompt_tokens_details: { cached_tokens: 2048 },
    });
    expect(result.choices[0]?.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });

  it('maps thinking chunks to reasoning', async () => {
    const { fetch } = fixtureFetch({ body: reasoningBody });
    const [choice] = (await mistral({ apiKey: 'k', fetch }).doGenerate(call())).choices;
    expect(choice?.text).toBe('17 × 24 = 408');
    expect(choice?.reasoning).toContain('340 + 68 = 408.');
  });

  it('streams text deltas, one usage part and the finish, ignoring the padding field', async () => {
    const { fetch } = fixtureFetch({ body: textStream, chunkSizes: [5] });
    const { stream } = await mistral({ apiKey: 'k', fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(parts).toEqual([
      {
        type: 'response-metadata',
        id: '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d',
        model: 'mistral-small-latest',
        created: 1788000101,
      },
      { type: 'text-delta', delta: 'Bon' },
      { type: 'text-delta', delta: 'jour' },
      { type: 'text-delta', delta: ' !' },
      { type: 'text-delta', delta: ' Ça va ?' },
      { type: 'finish', reason: { unified: 'stop', raw: 'stop' } },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 17,
          completion_tokens: 9,
          total_tokens: 26,
          prompt_tokens_details: { cached_tokens: 0 },
        },
      },
    ]);
  });

  it('returns signed thinking as reasoningDetails, non-streaming and streaming', async () => {
    // The recorded reasoning answers with a signature added to their thinking chunks.
    const signedBody = reasoningBody.replace('"closed":true', '"closed":true,"signature":"c2lnbmVk"');
    const generated = fixtureFetch({ body: signedBody });
    const [choice] = (await mistral({ apiKey: 'k', fetch: generated.fetch }).doGenerate(call())).choices;
    expect(choice?.reasoningDetails).toEqual([
      { type: 'reasoning.text', text: choice?.reasoning, signature: 'c2lnbmVk', provider: 'mistral' },
    ]);

    const signedStream = reasoningStream.replace(
      '"text":" + 17 × 4 = 340 + 68 = 408."}]}',
      '"text":" + 17 × 4 = 340 + 68 = 408."}],"signature":"c2lnbmVk"}',
    );
    const streamed = fixtureFetch({ body: signedStream });
    const { stream } = await mistral({ apiKey: 'k', fetch: streamed.fetch }).doStream(call());
    const details = (await readAll(stream)).filter((part) => part.type === 'reasoning-details');
    expect(details).toEqual([
      {
        type: 'reasoning-details',
        details: [
          {
            type: 'reasoning.text',
            text: '17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408.',
            signature: 'c2lnbmVk',
            provider: 'mistral',
          },
        ],
      },
    ]);
  });

  it('streams thinking chunks as reasoning deltas', async () => {
    const { fetch } = fixtureFetch({ body: reasoningStream, chunkSizes: [11] });
    const { stream } = await mistral({ apiKey: 'k', fetch }).doStream(call());
    const parts = await readAll(stream);
    const joined = (type: StreamPart['type']) =>
      parts.map((part) => (part.type === type && 'delta' in part ? part.delta : '')).join('');
    expect(joined('reasoning-delta')).toBe('17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408.');
    expect(joined('text-delta')).toBe('17 × 24 = 408');
  });

  it('gives two whole tool calls in one delta distinct indices 0 and 1', async () => {
    const { fetch } = fixtureFetch({ body: parallelToolsStream });
    const { stream } = await mistral({ apiKey: 'k', fetch }).doStream(call());
    const parts = (await readAll(stream)).filter((part) => part.type.startsWith('tool-call'));
    expect(parts).toEqual([
      { type: 'tool-call-start', index: 0, id: 'Wt7xQ2mNa', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city": "Paris"}' },
      { type: 'tool-call-start', index: 1, id: 'Tm4kR8vZe', name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"timezone": "Europe/Paris"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
    ]);
  });

  it('continues a call streamed in pieces where only the first delta has the id', async () => {
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const body = [
      chunk({
        tool_calls: [
          {
            id: 'chatcmpl-tool-9f14',
            type: 'function',
            function: { name: 'get_weather', arguments: '' },
            index: 0,
          },
        ],
      }),
      chunk({ tool_calls: [{ type: 'function', function: { name: '', arguments: '{"city": ' }, index: 0 }] }),
      chunk({ tool_calls: [{ type: 'function', function: { name: '', arguments: '"Paris"}' }, index: 0 }] }),
      chunk({ content: '' }, 'tool_calls'),
      'data: [DONE]\n\n',
    ].join('');
    const { fetch } = fixtureFetch({ body });
    const { stream } = await mistral({ apiKey: 'k', fetch }).doStream(call());
    const parts = (await readAll(stream)).filter((part) => part.type.startsWith('tool-call'));
    expect(parts.filter((part) => part.type === 'tool-call-start')).toHaveLength(1);
    expect(parts.map((part) => (part.type === 'tool-call-delta' ? part.argumentsDelta : '')).join('')).toBe(
      '{"city": "Paris"}',
    );
  });
});

describe('embeddings and models', () => {
  it('embeds text with output_dimension and returns vectors in order', async () => {
    const { fetch, requests } = fixtureFetch({ body: embeddingsBody });
    const adapter = mistral({ apiKey: 'k', fetch });
    const result = await adapter.doEmbed?.({
      modelId: 'mistral-embed',
      request: { input: ['a', 'b'], dimensions: 5, user: 'u' },
      signal: new AbortController().signal,
      headers: {},
    });
    expect(requests[0]?.body).toEqual({ model: 'mistral-embed', input: ['a', 'b'], output_dimension: 5 });
    expect(result?.embeddings).toHaveLength(2);
    expect(result?.embeddings[1]?.[0]).toBe(-0.0535888671875);
    expect(result?.usage).toEqual({ prompt_tokens: 16, total_tokens: 16 });
    expect(result?.warnings).toEqual([expect.objectContaining({ setting: 'user' })]);
  });

  it('lists models', async () => {
    const { fetch, requests } = fixtureFetch({ body: modelsBody });
    const models = await mistral({ apiKey: 'k', fetch }).listModels?.();
    expect(requests[0]?.url).toBe('https://api.mistral.ai/v1/models');
    expect(models).toEqual([
      { id: 'mistral-small-latest', ownedBy: 'mistralai', created: 1788000000 },
      { id: 'mistral-embed', ownedBy: 'mistralai', created: 1788000000 },
    ]);
  });
});

describe('behind createGateway', () => {
  it("uses the gateway's fetch when the adapter has none", async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const gateway = createGateway({ providers: { mistral: mistral({ apiKey: 'k' }) }, fetch, maxRetries: 0 });
    const completion = await gateway.chat.completions.create({
      model: 'mistral/mistral-small-latest',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      seed: 3,
    });
    expect(completion.choices[0]?.message.content).toBe('Bonjour !');
    expect(requests[0]?.body).toMatchObject({ random_seed: 3 });
  });
});
