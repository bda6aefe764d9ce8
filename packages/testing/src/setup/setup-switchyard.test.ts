import {
  AllTargetsFailedError,
  fallback,
  InvalidConfigError,
  type PriceQuery,
  RateLimitError,
  single,
} from '@switchyard/core';
import { faultReply, textReply, usageReply } from '@switchyard/core/testing';
import { anthropic } from '@switchyard/providers/anthropic';
import { openai } from '@switchyard/providers/openai';
import { describe, expect, it } from 'vitest';
import { setupSwitchyard } from '../index.js';

// An app's real gateway options: real adapters (never called), routes and pricing.
const appGatewayOptions = {
  providers: {
    'openai-primary': openai({ apiKey: 'sk-never-used' }),
    'anthropic-primary': anthropic({ apiKey: 'sk-ant-never-used' }),
  },
  routes: {
    'production-fallback': fallback([
      { provider: 'openai-primary', model: 'gpt-4o' },
      { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
    ]),
  },
  maxRetries: 0,
};

const messages = [{ role: 'user' as const, content: 'Hello' }];

describe('setupSwitchyard', () => {
  it("runs an app's gateway options with a mock for every provider, keeping routes", async () => {
    const { gateway, mock, mocks } = setupSwitchyard({
      ...appGatewayOptions,
      mocks: { 'openai-primary': { reply: faultReply({ status: 503 }) } },
      reply: 'From a mock.',
    });

    const completion = await gateway.chat.completions.create({ model: 'production-fallback', messages });

    expect(completion.choices[0]?.message.content).toBe('From a mock.');
    expect(completion.switchyard).toMatchObject({ provider: 'anthropic-primary', model: 'claude-sonnet-4' });
    expect(mock('openai-primary').calls).toHaveLength(1);
    expect(mock('anthropic-primary').calls[0]).toMatchObject({
      kind: 'generate',
      modelId: 'claude-sonnet-4',
    });
    expect(Object.keys(mocks)).toEqual(['openai-primary', 'anthropic-primary']);
  });

  it("reports the real adapter's provider family, so pricing by family still works", async () => {
    const queries: Array<PriceQuery> = [];
    const { gateway } = setupSwitchyard({
      ...appGatewayOptions,
      reply: usageReply({ prompt_tokens: 1000, completion_tokens: 500 }, 'Priced.'),
      pricing: (query) => {
        queries.push(query);
        return query.provider === 'openai' ? 0.01 : undefined;
      },
    });
    const completion = await gateway.chat.completions.create({ model: 'openai-primary/gpt-4o', messages });
    expect(queries[0]).toMatchObject({ provider: 'openai', providerKey: 'openai-primary', model: 'gpt-4o' });
    expect(completion.usage).toMatchObject({ total_tokens: 1500, estimated_cost: 0.01 });
  });

  it('takes provider names, or a YAML config section whose `type` is the family', async () => {
    const fromNames = setupSwitchyard({
      providers: ['primary', 'backup'],
      mocks: { backup: { reply: 'B' } },
    });
    const answer = await fromNames.gateway.chat.completions.create({ model: 'backup/any-model', messages });
    expect(answer.choices[0]?.message.content).toBe('B');

    const fromConfig = setupSwitchyard({
      providers: { main: { type: 'anthropic', api_key: 'sk-ant-from-env' } },
      routes: { assistant: single({ provider: 'main', model: 'claude-sonnet-4' }) },
    });
    await fromConfig.gateway.chat.completions.create({ model: 'assistant', messages });
    expect(fromConfig.mock('main').provider).toBe('anthropic');
    expect(fromConfig.mock('main').calls).toHaveLength(1);
  });

  it('uses given adapters instead of mocks, and keeps the mocks of other names', async () => {
    const { gateway, mocks } = setupSwitchyard({
      providers: ['real', 'fake'],
      adapters: { real: setupSwitchyard({ providers: ['inner'], reply: 'adapter' }).mock('inner') },
    });
    const completion = await gateway.chat.completions.create({ model: 'real/m', messages });
    expect(completion.choices[0]?.message.content).toBe('adapter');
    expect(mocks.real).toBeUndefined();
    expect(mocks.fake).toBeDefined();
  });

  it('records every request with its final metadata, including failures and streams', async () => {
    const testbed = setupSwitchyard({
      ...appGatewayOptions,
      mocks: {
        'openai-primary': { reply: [faultReply({ status: 429 }), 'ok'] },
        'anthropic-primary': { reply: faultReply({ status: 529 }) },
      },
    });
    const failure = await testbed.gateway.chat.completions
      .create({ model: 'production-fallback', messages })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AllTargetsFailedError);
    const stream = await testbed.gateway.chat.completions.create({
      model: 'openai-primary/gpt-4o',
      messages,
      stream: true,
    });
    expect(testbed.requests[1]?.status).toBe('pending');
    for await (const _chunk of stream);

    expect(testbed.requests).toHaveLength(2);
    expect(testbed.requests[0]).toMatchObject({ status: 'failed', stream: false, error: failure });
    expect(
      testbed.requests[0]?.switchyard.attempts.map((attempt) => [attempt.provider, attempt.status]),
    ).toEqual([
      ['openai-primary', 429],
      ['anthropic-primary', 529],
    ]);
    expect(testbed.requests[1]).toMatchObject({
      status: 'completed',
      stream: true,
      switchyard: { provider: 'openai-primary' },
    });

    testbed.reset();
    expect(testbed.requests).toHaveLength(0);
    expect(testbed.mock('openai-primary').calls).toHaveLength(0);
    // Reply sequences start over after reset.
    await expect(
      testbed.gateway.chat.completions.create({ model: 'openai-primary/gpt-4o', messages }),
    ).rejects.toBeInstanceOf(RateLimitError);
  });

  it('marks a stream the caller stopped reading as cancelled', async () => {
    const { gateway, requests } = setupSwitchyard({
      providers: ['mock'],
      reply: textReply('one two three four'),
    });
    const stream = await gateway.chat.completions.create({ model: 'mock/m', messages, stream: true });
    for await (const _chunk of stream) break;
    expect(requests[0]?.status).toBe('cancelled');
  });

  it('rejects mock and adapter names that are not providers, and unknown mock names', () => {
    // The names are typed too, so these mistakes are compile errors as well as runtime ones.
    // @ts-expect-error 'b' is not a provider
    expect(() => setupSwitchyard({ providers: ['a'], mocks: { b: {} } })).toThrow(
      new InvalidConfigError("setupSwitchyard: `mocks` names provider 'b', which is not in `providers` (a)."),
    );
    const testbed = setupSwitchyard({ providers: ['a', 'b'] });
    // @ts-expect-error 'c' is not a provider
    expect(() => testbed.mock('c')).toThrow("setupSwitchyard: no mock for 'c'; mocks: a, b.");
  });
});
