import { type ChatCompletionCreateParamsNonStreaming, createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { tableEmbedder } from '../test/table-embedder.js';
import { type CacheOptions, cache, gatewayEmbedder } from './index.js';

// Unit vectors with chosen cosines to "What is Kubernetes?": 0.96, 0.94 and 0.5.
const embed = tableEmbedder({
  'What is Kubernetes?': [1, 0, 0],
  'Explain Kubernetes to me': [0.96, 0.28, 0],
  'Kubernetes, in one line?': [0.94, 0, Math.sqrt(1 - 0.94 ** 2)],
  'Tell me about Docker': [0.5, 0.866, 0],
});

const setup = (options: CacheOptions = {}) => {
  const mock = mockProvider({ reply: () => `answer #${mock.calls.length}` });
  const gateway = createGateway({
    providers: { p: mock },
    middleware: [cache({ mode: 'semantic', embed, similarityThreshold: 0.95, ...options })],
  });
  const create = (
    content: string,
    body: Partial<ChatCompletionCreateParamsNonStreaming> = {},
    requestOptions = {},
  ) =>
    gateway.chat.completions.create(
      { model: 'p/m', messages: [{ role: 'user', content }], ...body },
      requestOptions,
    );
  return { mock, gateway, create };
};

describe('semantic cache', () => {
  it('hits above the threshold and misses below it', async () => {
    const { mock, create } = setup();
    const first = await create('What is Kubernetes?');
    const similar = await create('Explain Kubernetes to me');
    expect(similar.switchyard.cache).toBe('semantic-hit');
    expect(similar.choices).toEqual(first.choices);
    expect((await create('Kubernetes, in one line?')).switchyard.cache).toBe('miss');
    expect((await create('Tell me about Docker')).switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(3);
  });

  it('still answers identical requests as exact hits without embedding them', async () => {
    const { create } = setup();
    await create('What is Kubernetes?');
    const before = embed.calls.length;
    expect((await create('What is Kubernetes?')).switchyard.cache).toBe('hit');
    expect(embed.calls.length).toBe(before);
  });

  it('follows the threshold it is given', async () => {
    const { create } = setup({ similarityThreshold: 0.93 });
    await create('What is Kubernetes?');
    expect((await create('Kubernetes, in one line?')).switchyard.cache).toBe('semantic-hit');
  });

  it('never matches across different parameters, system prompts, history, models or tenants', async () => {
    const { mock, create } = setup({ namespace: 'tenant' });
    await create('What is Kubernetes?', { temperature: 0 }, { metadata: { tenant: 'a' } });
    const variants: Array<[Partial<ChatCompletionCreateParamsNonStreaming>, Record<string, string>]> = [
      [{ temperature: 1 }, { tenant: 'a' }],
      [{ temperature: 0, model: 'p/other' }, { tenant: 'a' }],
      [{ temperature: 0, tools: [{ type: 'function', function: { name: 'f' } }] }, { tenant: 'a' }],
      [{ temperature: 0, response_format: { type: 'json_object' } }, { tenant: 'a' }],
      [{ temperature: 0 }, { tenant: 'b' }],
    ];
    for (const [body, metadata] of variants) {
      expect((await create('Explain Kubernetes to me', body, { metadata })).switchyard.cache).toBe('miss');
    }
    const withSystem = await setup().gateway.chat.completions.create({
      model: 'p/m',
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Explain Kubernetes to me' },
      ],
    });
    expect(withSystem.switchyard.cache).toBe('miss');
    expect(
      (await create('Explain Kubernetes to me', { temperature: 0 }, { metadata: { tenant: 'a' } })).switchyard
        .cache,
    ).toBe('semantic-hit');
    expect(mock.calls).toHaveLength(1 + variants.length);
  });

  it('compares earlier turns exactly: the same last question in another conversation misses', async () => {
    const { gateway } = setup();
    const conversation = (previous: string) =>
      gateway.chat.completions.create({
        model: 'p/m',
        messages: [
          { role: 'user', content: previous },
          { role: 'assistant', content: 'ok' },
          { role: 'user', content: 'What is Kubernetes?' },
        ],
      });
    await conversation('I run containers.');
    expect((await conversation('I bake bread.')).switchyard.cache).toBe('miss');
  });

  it('per request: exact mode skips the embedder', async () => {
    const { create } = setup();
    await create('What is Kubernetes?');
    const before = embed.calls.length;
    const exact = await create('Explain Kubernetes to me', {}, { cache: { mode: 'exact' } });
    expect(exact.switchyard.cache).toBe('miss');
    expect(embed.calls.length).toBe(before);
  });

  it('falls back to exact matching with a warning when the embedder fails', async () => {
    const failing = async () => {
      throw new Error('embedding service down');
    };
    const { create } = setup({ embed: failing });
    const first = await create('What is Kubernetes?');
    expect(first.switchyard.cache).toBe('miss');
    expect(first.switchyard.warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('embedding service down') }),
    ]);
    expect((await create('What is Kubernetes?')).switchyard.cache).toBe('hit');
  });

  it('warns and uses exact matching when a request asks for semantic on an exact-only cache', async () => {
    const mock = mockProvider();
    const gateway = createGateway({ providers: { p: mock }, middleware: [cache()] });
    const result = await gateway.chat.completions.create(
      { model: 'p/m', messages: [{ role: 'user', content: 'x' }] },
      { cache: { mode: 'semantic' } },
    );
    expect(result.switchyard.warnings[0]).toMatchObject({
      type: 'unsupported-setting',
      setting: 'cache.mode',
    });
  });

  it("embeds through the gateway's own embeddings endpoint with gatewayEmbedder", async () => {
    const mock = mockProvider({ reply: 'Kubernetes orchestrates containers.', embeddingDimensions: 64 });
    const gateway = createGateway({
      providers: { p: mock },
      middleware: [
        cache({
          mode: 'semantic',
          similarityThreshold: 0.8,
          embed: gatewayEmbedder(() => gateway, 'p/embedder'),
        }),
      ],
    });
    const ask = (content: string) =>
      gateway.chat.completions.create({ model: 'p/m', messages: [{ role: 'user', content }] });
    await ask('what is kubernetes exactly');
    // The mock embeds by words, so sharing most words is "similar"; real paraphrases need a real model.
    expect((await ask('what is kubernetes')).switchyard.cache).toBe('semantic-hit');
    expect((await ask('bake sourdough bread')).switchyard.cache).toBe('miss');
    expect(mock.calls.filter((call) => call.kind === 'embed').map((call) => call.modelId)).toEqual([
      'embedder',
      'embedder',
      'embedder',
    ]);
  });
});
