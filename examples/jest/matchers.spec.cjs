// The Switchyard matchers under Jest, loaded by `setupFilesAfterEnv: ['@switchyard/testing/jest']`.
// Each matcher is checked passing, failing, negated, and for the message a failure prints.
const { fallback, GuardrailViolationError } = require('@switchyard/core');
const { faultReply } = require('@switchyard/core/testing');
const { cache } = require('@switchyard/cache');
const { guardrails } = require('@switchyard/guardrails');
const { setupSwitchyard } = require('@switchyard/testing');

const messages = [{ role: 'user', content: 'What is Kubernetes?' }];

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
      }),
    ],
    mocks: {
      'openai-primary': { reply: faultReply({ status: 503 }) },
      'anthropic-primary': { reply: 'Kubernetes runs containers.' },
    },
    maxRetries: 0,
  });

describe('Switchyard matchers under Jest', () => {
  test('toHaveCalledProvider and toHaveFallenBack pass, fail and negate', async () => {
    const { gateway } = app();
    await gateway.chat.completions.create({ model: 'production-fallback', messages });

    expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o' });
    expect(gateway).toHaveCalledProvider('anthropic-primary', { times: 1 });
    expect(gateway).not.toHaveCalledProvider('mistral');
    expect(gateway).toHaveFallenBack({ from: 'openai-primary', to: 'anthropic-primary', attempts: 2 });

    expect(() => expect(gateway).toHaveCalledProvider('mistral')).toThrow(
      "Expected gateway to have called provider 'mistral'.",
    );
    expect(() => expect(gateway).not.toHaveFallenBack()).toThrow(
      "#1 route 'production-fallback': openai-primary/gpt-4o 503 → anthropic-primary/claude-sonnet-4 200; cache miss",
    );
  });

  test('toHaveHitCache reads a completion and the gateway', async () => {
    const { gateway } = app();
    const body = { model: 'anthropic-primary/claude-sonnet-4', messages };
    const first = await gateway.chat.completions.create(body);
    const second = await gateway.chat.completions.create(body);

    expect(first).not.toHaveHitCache();
    expect(second).toHaveHitCache('hit');
    expect(gateway).toHaveHitCache();
    expect(() => expect(first).toHaveHitCache()).toThrow(
      'Expected completion to have been served from the cache.',
    );
  });

  test('toHaveGuardrailVerdict sees a blocked request', async () => {
    const { gateway } = app();
    const blocked = await gateway.chat.completions
      .create({ model: 'production-fallback', messages: [{ role: 'user', content: 'my password' }] })
      .catch((error) => error);

    expect(GuardrailViolationError.isInstance(blocked)).toBe(true);
    expect(gateway).toHaveGuardrailVerdict('no-secrets', 'fail', { stage: 'input', action: 'block' });
    expect(gateway).not.toHaveCalledProvider('openai-primary');
    expect(() => expect(gateway).toHaveGuardrailVerdict('no-secrets', 'pass')).toThrow(
      "Expected gateway to have guardrail check 'no-secrets' pass.",
    );
  });

  test('a wrong subject is a TypeError that says what is needed', () => {
    expect(() => expect({}).toHaveCalledProvider('x')).toThrow(TypeError);
  });
});
