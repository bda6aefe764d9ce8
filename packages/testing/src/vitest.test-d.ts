import { describe, expect, expectTypeOf, it } from 'vitest';
import './vitest.js';
import { type SwitchyardTestbed, setupSwitchyard } from './index.js';

// `import '@switchyard/testing/vitest'` types the matchers on vitest's `expect`.

describe('vitest matcher types', () => {
  it('types every matcher with its arguments', () => {
    const { gateway } = setupSwitchyard({ providers: ['openai-primary'] });
    expectTypeOf(expect(gateway).toHaveCalledProvider).toBeCallableWith('openai-primary', { times: 1 });
    expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o' });
    expect(gateway).not.toHaveHitCache('semantic-hit');
    expect(gateway).toHaveGuardrailVerdict('pii', 'fail', { stage: 'input', action: 'mask' });
    expect(gateway).toHaveFallenBack({ from: 'a', to: 'b', attempts: 2 });
    expectTypeOf(expect(gateway).toHaveFallenBack()).toEqualTypeOf<void>();
    // @ts-expect-error the model goes in an options object
    expect(gateway).toHaveCalledProvider('openai-primary', 'gpt-4o');
    // @ts-expect-error verdicts are 'pass' or 'fail'
    expect(gateway).toHaveGuardrailVerdict('pii', 'blocked');
    // @ts-expect-error cache hits are 'hit' or 'semantic-hit'
    expect(gateway).toHaveHitCache('miss');
  });

  it('types the testbed with the provider names', () => {
    const testbed = setupSwitchyard({ providers: { a: {}, b: {} } });
    expectTypeOf(testbed).toEqualTypeOf<SwitchyardTestbed<'a' | 'b'>>();
    // @ts-expect-error not a provider name
    testbed.mock('c');
  });
});
