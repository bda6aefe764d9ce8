/**
 * Testing your app with Switchyard: a complete vitest file (docs/testing.md walks through it).
 *   pnpm vitest run examples/testing-your-app.test.ts
 *
 * It runs offline and without keys: `setupSwitchyard()` puts a mock behind every provider of the app's real
 * gateway configuration, and the last test replays recorded OpenAI traffic from `__cassettes__/` through
 * the real OpenAI adapter. To record that traffic again against the live API:
 *   SWITCHYARD_CASSETTES=record OPENAI_API_KEY=sk-… pnpm vitest run examples/testing-your-app.test.ts -t recorded
 */
import { cache } from '@switchyard/cache';
import {
  createGateway,
  fallback,
  type Gateway,
  type GatewayOptions,
  GuardrailViolationError,
} from '@switchyard/core';
import { faultReply, textReply } from '@switchyard/core/testing';
import { guardrails } from '@switchyard/guardrails';
import { anthropic } from '@switchyard/providers/anthropic';
import { openai } from '@switchyard/providers/openai';
import { setupSwitchyard } from '@switchyard/testing';
import { recordReplay } from '@switchyard/testing/record-replay';
import '@switchyard/testing/vitest';
import { describe, expect, it } from 'vitest';

// ---- The app (normally imported from its own modules) ----------------------------------------------

/** The app's gateway configuration. A function, so every test gets fresh middleware (an empty cache). */
const createGatewayOptions = () =>
  ({
    providers: {
      'openai-primary': openai({ apiKey: process.env.OPENAI_API_KEY }),
      'anthropic-primary': anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }),
    },
    routes: {
      support: fallback([
        { provider: 'openai-primary', model: 'gpt-4o-mini' },
        { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
      ]),
    },
    middleware: [
      cache({ mode: 'exact' }),
      guardrails({ input: [{ type: 'keyword_filter', name: 'no-secrets', blocklist: ['password'] }] }),
    ],
  }) satisfies GatewayOptions;

/** The code under test: answers a support question. */
async function answerSupportQuestion(gateway: Gateway, question: string): Promise<string> {
  const completion = await gateway.chat.completions.create({
    model: 'support',
    messages: [
      { role: 'system', content: 'You are a concise support agent.' },
      { role: 'user', content: question },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

// ---- The tests --------------------------------------------------------------------------------------

describe('answerSupportQuestion', () => {
  it('answers from the primary provider', async () => {
    const { gateway, mock } = setupSwitchyard({
      ...createGatewayOptions(),
      mocks: { 'openai-primary': { reply: 'Restart the router.' } },
    });

    expect(await answerSupportQuestion(gateway, 'My internet is down.')).toBe('Restart the router.');
    expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o-mini', times: 1 });
    expect(gateway).not.toHaveCalledProvider('anthropic-primary');
    // The mock kept the normalized request, for assertions on what the app sent.
    expect(mock('openai-primary').calls[0]).toMatchObject({
      kind: 'generate',
      modelId: 'gpt-4o-mini',
      request: { messages: [{ role: 'system' }, { role: 'user', content: 'My internet is down.' }] },
    });
  });

  it('falls back to Anthropic when OpenAI is rate limited', async () => {
    const { gateway } = setupSwitchyard({
      ...createGatewayOptions(),
      maxRetries: 0,
      mocks: {
        'openai-primary': { reply: faultReply({ status: 429, headers: { 'retry-after': '30' } }) },
        'anthropic-primary': { reply: textReply('Anthropic here: restart the router.') },
      },
    });

    expect(await answerSupportQuestion(gateway, 'My internet is down.')).toBe(
      'Anthropic here: restart the router.',
    );
    expect(gateway).toHaveFallenBack({ from: 'openai-primary', to: 'anthropic-primary', attempts: 2 });
  });

  it('answers a repeated question from the cache', async () => {
    const { gateway, mock } = setupSwitchyard({ ...createGatewayOptions(), reply: 'Restart the router.' });

    await answerSupportQuestion(gateway, 'My internet is down.');
    await answerSupportQuestion(gateway, 'My internet is down.');

    expect(gateway).toHaveHitCache('hit');
    expect(mock('openai-primary').calls).toHaveLength(1);
  });

  it('never sends a password to a provider', async () => {
    const { gateway, mocks } = setupSwitchyard(createGatewayOptions());

    await expect(answerSupportQuestion(gateway, 'My password is hunter2.')).rejects.toBeInstanceOf(
      GuardrailViolationError,
    );
    expect(gateway).toHaveGuardrailVerdict('no-secrets', 'fail', { stage: 'input', action: 'block' });
    expect(mocks['openai-primary']?.calls).toHaveLength(0);
  });
});

describe('recorded OpenAI traffic', () => {
  // Replays by default (so CI never calls OpenAI); SWITCHYARD_CASSETTES=record re-records.
  const cassettes = recordReplay({ dir: new URL('./__cassettes__/', import.meta.url) });

  it('streams a real OpenAI answer through the real adapter', async () => {
    const gateway = createGateway({ providers: { 'openai-primary': cassettes(openai()) } });

    const stream = await gateway.chat.completions.create({
      model: 'openai-primary/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';

    expect(text).toMatch(/^Bonjour/);
    expect(stream).toHaveCalledProvider('openai-primary', { model: 'gpt-4o-mini' });
  });
});
