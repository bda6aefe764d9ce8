// Type check (not run): with `@jest/globals`, the built `@switchyard/testing/jest` types the matchers.
import { expect } from '@jest/globals';
import { setupSwitchyard } from '@switchyard/testing';
import '@switchyard/testing/jest';

const { gateway } = setupSwitchyard({ providers: ['openai-primary'] });
expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o', times: 1 });
expect(gateway).not.toHaveHitCache('semantic-hit');
expect(gateway).toHaveGuardrailVerdict('pii', 'fail', { stage: 'output', action: 'mask' });
expect(gateway).toHaveFallenBack({ from: 'openai-primary', attempts: 2 });
// @ts-expect-error the model goes in an options object
expect(gateway).toHaveCalledProvider('openai-primary', 'gpt-4o');
// @ts-expect-error verdicts are 'pass' or 'fail'
expect(gateway).toHaveGuardrailVerdict('pii', 'blocked');
