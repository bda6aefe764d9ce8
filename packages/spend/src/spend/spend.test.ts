import { type ChatCompletionChunk, createGateway, type Middleware } from '@switchyard/core';
import { faultReply, type MockReplySource, mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { driveTraffic, expectedByProvider, expectedByUser } from '../../test/drive-traffic.js';
import { spend } from '../index.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const usage = {
  prompt_tokens: 1_000,
  completion_tokens: 200,
  total_tokens: 1_200,
  prompt_tokens_details: { cached_tokens: 400 },
  completion_tokens_details: { reasoning_tokens: 50 },
};
// gpt-4o: 600 × 2.5e-6 + 400 × 1.25e-6 + 200 × 1e-5
const GPT_4O_COST = 0.0015 + 0.0005 + 0.002;

const setup = (options: { pricing?: boolean; reply?: MockReplySource } = {}) => {
  const tracker = spend();
  const provider = mockProvider({
    provider: 'openai',
    usage,
    ...(options.reply === undefined ? {} : { reply: options.reply }),
  });
  const gateway = createGateway({
    providers: { 'openai-primary': provider },
    middleware: [tracker],
    metadata: { team: 'platform' },
    maxRetries: 0,
    ...(options.pricing === true ? { pricing: tracker.pricing } : {}),
  });
  return { tracker, provider, gateway };
};

describe('spend middleware: per-request cost', () => {
  it.each([
    ['the gateway prices with tracker.pricing', true],
    ['the middleware prices on its own', false],
  ])('puts estimated_cost on completions when %s', async (_label, withPricing) => {
    const { gateway } = setup({ pricing: withPricing });
    const completion = await gateway.chat.completions.create({ model: 'openai-primary/gpt-4o', messages });
    expect(completion.usage?.estimated_cost).toBeCloseTo(GPT_4O_COST, 12);
    expect(completion.switchyard.warnings).toEqual([]);
  });

  it.each([true, false])(
    'puts estimated_cost on the final stream usage chunk (gateway pricing: %s)',
    async (withPricing) => {
      const { gateway } = setup({ pricing: withPricing });
      const stream = await gateway.chat.completions.create({
        model: 'openai-primary/gpt-4o',
        messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const last = chunks.at(-1);
      expect(last?.choices).toEqual([]);
      expect(last?.usage?.estimated_cost).toBeCloseTo(GPT_4O_COST, 12);
    },
  );

  it('leaves estimated_cost out (never 0) for an unknown model and warns', async () => {
    const { gateway, tracker } = setup();
    const completion = await gateway.chat.completions.create({
      model: 'openai-primary/in-house-model',
      messages,
    });
    expect(completion.usage).toBeDefined();
    expect(completion.usage).not.toHaveProperty('estimated_cost');
    expect(completion.switchyard.warnings).toEqual([
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining("No price is known for model 'in-house-model'"),
      }),
    ]);
    const [record] = await tracker.records();
    expect(record?.cost).toBeNull();
  });

  it('warns about an unknown price on the stream, before its last chunk', async () => {
    const { gateway } = setup();
    const stream = await gateway.chat.completions.create({
      model: 'openai-primary/in-house-model',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let last: ChatCompletionChunk | undefined;
    let warningsSeen: Array<unknown> = [];
    for await (const chunk of stream) {
      last = chunk;
      // What the caller saw when the chunk arrived (the array is live; a copy proves the timing).
      warningsSeen = [...(chunk.switchyard?.warnings ?? [])];
    }
    expect(last?.usage).not.toHaveProperty('estimated_cost');
    expect(warningsSeen).toEqual([
      expect.objectContaining({ message: expect.stringContaining('No price is known') }),
    ]);
  });
});

describe('spend middleware: ledger records', () => {
  it('writes one record per request with tokens by type, cost, cache status, latency, status and metadata', async () => {
    const { gateway, tracker } = setup();
    await gateway.chat.completions.create(
      { model: 'openai-primary/gpt-4o', messages },
      { metadata: { user_id: 'u-1' }, traceId: 'trace-1' },
    );
    const records = await tracker.records();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      traceId: 'trace-1',
      provider: 'openai-primary',
      model: 'gpt-4o',
      route: 'openai-primary/gpt-4o',
      promptTokens: 1_000,
      completionTokens: 200,
      cachedTokens: 400,
      reasoningTokens: 50,
      totalTokens: 1_200,
      cache: 'bypass',
      status: 'success',
      error: null,
      stream: false,
      metadata: { team: 'platform', user_id: 'u-1' },
    });
    expect(records[0]?.cost).toBeCloseTo(GPT_4O_COST, 12);
    expect(records[0]?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('records a stream when it ends, and a stream the caller abandons as cancelled', async () => {
    const { gateway, tracker } = setup({ reply: 'one two three four five six' });
    const body = { model: 'openai-primary/gpt-4o', messages, stream: true as const };
    for await (const _chunk of await gateway.chat.completions.create(body)) {
      // drain
    }
    const [drained] = await tracker.records();
    expect(drained).toMatchObject({ status: 'success', stream: true, promptTokens: 1_000 });
    // Priced by the middleware (the gateway has no `pricing`) although the caller did not ask for usage.
    expect(drained?.cost).toBeCloseTo(GPT_4O_COST, 12);

    for await (const _chunk of await gateway.chat.completions.create(body)) break;
    const [latest] = await tracker.records();
    expect(latest).toMatchObject({ status: 'cancelled', stream: true });
    expect(await tracker.records()).toHaveLength(2);
  });

  it('records failed requests with their error and no cost', async () => {
    const { gateway, tracker } = setup({
      reply: faultReply({ status: 400, body: { error: { message: 'bad' } } }),
    });
    await expect(
      gateway.chat.completions.create({ model: 'openai-primary/gpt-4o', messages }),
    ).rejects.toThrow();
    const [record] = await tracker.records();
    expect(record).toMatchObject({ status: 'error', cost: 0, promptTokens: 0 });
    expect(record?.error).toMatch(/^BadRequestError/);
  });

  it('records cache hits at no cost', async () => {
    const tracker = spend();
    const cached: Middleware = {
      name: 'fake-cache',
      stages: {
        cache: async (state) => {
          state.cache = 'hit';
          return {
            type: 'completion',
            completion: {
              id: 'cached',
              object: 'chat.completion',
              created: 0,
              model: 'gpt-4o',
              choices: [],
              usage: { ...usage },
              switchyard: {
                provider: '',
                model: '',
                route: '',
                attempts: [],
                cache: 'hit',
                latencyMs: 0,
                traceId: '',
                warnings: [],
              },
            },
          };
        },
      },
    };
    const provider = mockProvider({ provider: 'openai', usage });
    const gateway = createGateway({ providers: { openai: provider }, middleware: [cached, tracker] });
    await gateway.chat.completions.create({ model: 'openai/gpt-4o', messages });
    expect(provider.calls).toHaveLength(0);
    expect((await tracker.records())[0]).toMatchObject({ cache: 'hit', cost: 0, promptTokens: 1_000 });
  });

  it('loses nothing on close, and counts what arrives after it as dropped', async () => {
    const { gateway, tracker } = setup();
    await Promise.all(
      Array.from({ length: 50 }, () =>
        gateway.chat.completions.create({ model: 'openai-primary/gpt-4o', messages }),
      ),
    );
    await tracker.close();
    expect(tracker.stats().ledger).toMatchObject({ written: 50, queued: 0, dropped: 0 });
    const late = await gateway.chat.completions.create({ model: 'openai-primary/gpt-4o', messages });
    expect(tracker.stats().ledger.dropped).toBe(1);
    expect(late.switchyard.warnings.map((warning) => warning.message)).toEqual([
      'The spend ledger is closed or its queue is full; this request was not recorded.',
    ]);
  });
});

describe('spend: report()', () => {
  it('groups by provider and by user_id over a date range, with daily buckets', async () => {
    const tracker = await driveTraffic();
    const byProvider = await tracker.report({ start: '2026-05-01', end: '2026-05-19', groupBy: 'provider' });
    expect(byProvider.groups.map((group) => [group.key, group.requests, group.cost])).toEqual(
      expectedByProvider,
    );
    expect(byProvider.totals).toMatchObject({
      requests: 5,
      cost: 0.0255,
      promptTokens: 5_000,
      completionTokens: 1_000,
    });
    expect(byProvider.daily.map((day) => [day.date, day.requests])).toEqual([
      ['2026-05-01', 2],
      ['2026-05-02', 2],
      ['2026-05-03', 1],
    ]);
    const byUser = await tracker.report({ start: '2026-05-01', end: '2026-05-19', groupBy: 'user_id' });
    expect(byUser.groups.map((group) => [group.key, group.requests, group.cost])).toEqual(expectedByUser);
    const byModel = await tracker.report({
      start: new Date('2026-05-02T00:00:00Z'),
      end: '2026-05-02',
      groupBy: 'model',
    });
    expect(byModel.groups.map((group) => [group.key, group.requests])).toEqual([
      ['claude-sonnet-4-5', 1],
      ['gpt-4o', 1],
    ]);
  });

  it('rejects a malformed range', async () => {
    const tracker = spend();
    await expect(tracker.report({ start: 'yesterday', end: '2026-05-19' })).rejects.toThrow(
      /start must be a date/,
    );
    await expect(tracker.report({ start: '2026-05-19', end: '2026-05-01' })).rejects.toThrow(
      /end must be after start/,
    );
  });
});
