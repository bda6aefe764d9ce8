import { cache } from '@switchyard/cache';
import { fallback, GuardrailViolationError } from '@switchyard/core';
import { faultReply } from '@switchyard/core/testing';
import { guardrails } from '@switchyard/guardrails';
import { describe, expect, it } from 'vitest';
import '../vitest.js';
import { setupSwitchyard } from '../index.js';

// The matchers as users call them: registered on vitest's `expect` by `@switchyard/testing/vitest`,
// against gateways built with real middleware (cache, guardrails) and real fallback routing.

const messages = [{ role: 'user' as const, content: 'What is Kubernetes?' }];

const app = () =>
  setupSwitchyard({
    providers: ['openai-primary', 'anthropic-primary'],
    routes: {
      'production-fallback': fallback([
        { provider: 'openai-primary', model: 'gpt-4o' },
        { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
      ]),
    },
    middleware: [
      cache({ mode: 'exact' }),
      guardrails({
        input: [{ type: 'keyword_filter', name: 'no-secrets', blocklist: ['password'], action: 'block' }],
        output: [{ type: 'pii_detector', name: 'pii', entities: ['email'], action: 'mask' }],
      }),
    ],
    mocks: {
      'openai-primary': { reply: [faultReply({ status: 503 }), 'Write to ops@example.com.'] },
      'anthropic-primary': { reply: 'Kubernetes runs containers.' },
    },
    maxRetries: 0,
    retryBaseDelayMs: 1,
  });

/** The failure message of an assertion that is expected to fail. */
const failureOf = (assertion: () => void): string => {
  try {
    assertion();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('Expected the assertion to fail.');
};

describe('toHaveCalledProvider', () => {
  it('passes for a called provider (with model and count) and fails with the calls listed', async () => {
    const { gateway } = app();
    await gateway.chat.completions.create({ model: 'production-fallback', messages });

    expect(gateway).toHaveCalledProvider('openai-primary');
    expect(gateway).toHaveCalledProvider('anthropic-primary', { model: 'claude-sonnet-4', times: 1 });
    expect(gateway).not.toHaveCalledProvider('anthropic-primary', { model: 'claude-opus-4' });

    const message = failureOf(() => expect(gateway).toHaveCalledProvider('openai-primary', { times: 2 }));
    expect(message).toContain("Expected gateway to have called provider 'openai-primary' exactly 2 times.");
    expect(message).toContain('It was called 1 time.');
    expect(message).toContain(
      "#1 route 'production-fallback': openai-primary/gpt-4o 503 → anthropic-primary/claude-sonnet-4 200; cache miss",
    );
    expect(failureOf(() => expect(gateway).not.toHaveCalledProvider('openai-primary'))).toContain(
      "expect(gateway).not.toHaveCalledProvider(…)\n\nExpected gateway not to have called provider 'openai-primary'.",
    );
  });

  it('reads one completion or stream through its `switchyard` metadata', async () => {
    const { gateway } = app();
    const stream = await gateway.chat.completions.create({
      model: 'anthropic-primary/claude-sonnet-4',
      messages,
      stream: true,
    });
    for await (const _chunk of stream);
    expect(stream).toHaveCalledProvider('anthropic-primary');
    expect(failureOf(() => expect(stream).toHaveCalledProvider('openai-primary'))).toContain(
      "Expected stream to have called provider 'openai-primary'.",
    );
  });

  it('throws a TypeError naming what it needs for anything else', () => {
    expect(() => expect({ choices: [] }).toHaveCalledProvider('x')).toThrow(
      /toHaveCalledProvider: expected a gateway from setupSwitchyard\(\) \(or its testbed\), or a completion, stream or embeddings response with `switchyard` metadata; received an object without `switchyard` metadata/,
    );
    expect(() => expect(undefined).toHaveHitCache()).toThrow(/received undefined/);
  });
});

describe('toHaveHitCache', () => {
  it('passes once a request was served from the cache', async () => {
    const testbed = app();
    const first = await testbed.gateway.chat.completions.create({
      model: 'anthropic-primary/claude-sonnet-4',
      messages,
    });
    expect(first).not.toHaveHitCache();
    expect(testbed).not.toHaveHitCache();
    expect(failureOf(() => expect(first).toHaveHitCache())).toContain(
      'Expected completion to have been served from the cache.',
    );

    const second = await testbed.gateway.chat.completions.create({
      model: 'anthropic-primary/claude-sonnet-4',
      messages,
    });
    expect(second).toHaveHitCache('hit');
    expect(testbed.gateway).toHaveHitCache();
    expect(testbed.gateway).not.toHaveHitCache('semantic-hit');
    expect(failureOf(() => expect(testbed.gateway).toHaveHitCache('semantic-hit'))).toContain('#2 route');
  });
});

describe('toHaveGuardrailVerdict', () => {
  it('sees verdicts of completed and blocked requests', async () => {
    const { gateway } = app();
    const completion = await gateway.chat.completions.create({ model: 'production-fallback', messages });
    expect(completion.choices[0]?.message.content).toBe('Kubernetes runs containers.');
    expect(completion).toHaveGuardrailVerdict('no-secrets', 'pass', { stage: 'input' });
    expect(completion).not.toHaveGuardrailVerdict('no-secrets', 'fail');

    const blocked = await gateway.chat.completions
      .create({ model: 'production-fallback', messages: [{ role: 'user', content: 'my password is 123' }] })
      .catch((error: unknown) => error);
    expect(GuardrailViolationError.isInstance(blocked)).toBe(true);
    // The thrown error has no metadata, the gateway's record of the request does.
    expect(gateway).toHaveGuardrailVerdict('no-secrets', 'fail', { stage: 'input', action: 'block' });

    const message = failureOf(() =>
      expect(gateway).toHaveGuardrailVerdict('pii', 'fail', { action: 'mask' }),
    );
    expect(message).toContain("Expected gateway to have guardrail check 'pii' fail (action mask).");
    expect(message).toContain('no-secrets input fail (block)');
  });

  it('sees an output check that masked the answer', async () => {
    const { gateway } = app();
    const answer = await gateway.chat.completions.create(
      { model: 'production-fallback', messages },
      { maxRetries: 1 },
    );
    expect(answer).toHaveGuardrailVerdict('pii', 'fail', { stage: 'output', action: 'mask' });
  });
});

describe('toHaveFallenBack', () => {
  it('passes when a request moved to another target, with from, to and attempts', async () => {
    const { gateway } = app();
    const completion = await gateway.chat.completions.create({ model: 'production-fallback', messages });
    expect(completion).toHaveFallenBack();
    expect(gateway).toHaveFallenBack({
      from: 'openai-primary',
      to: 'anthropic-primary/claude-sonnet-4',
      attempts: 2,
    });
    expect(gateway).not.toHaveFallenBack({ to: 'openai-primary' });

    const message = failureOf(() => expect(gateway).toHaveFallenBack({ attempts: 3 }));
    expect(message).toContain('Expected gateway to have fallen back in 3 attempts.');
  });

  it('does not count retries of the same target as a fallback', async () => {
    const { gateway } = setupSwitchyard({
      providers: ['only'],
      mocks: { only: { reply: [faultReply({ status: 503 }), 'ok'] } },
      retryBaseDelayMs: 1,
    });
    await gateway.chat.completions.create({ model: 'only/m', messages });
    expect(gateway).toHaveCalledProvider('only', { times: 2 });
    expect(gateway).not.toHaveFallenBack();
    expect(failureOf(() => expect(gateway).toHaveFallenBack())).toContain(
      "#1 route 'only/m': only/m 503 → only/m 200",
    );
  });
});
