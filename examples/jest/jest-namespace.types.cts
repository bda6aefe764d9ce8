// Type check (not run): with @types/jest's globals, the built `@switchyard/testing/jest` types the matchers.
/// <reference types="jest" />
import testing = require('@switchyard/testing');

import '@switchyard/testing/jest';

const { gateway } = testing.setupSwitchyard({ providers: ['openai-primary'] });
expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o' });
expect(gateway).not.toHaveFallenBack({ to: 'openai-primary' });
expect(gateway).toHaveHitCache();
// @ts-expect-error cache hits are 'hit' or 'semantic-hit'
expect(gateway).toHaveHitCache('miss');
