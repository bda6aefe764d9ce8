/**
 * `import '@switchyard/testing/vitest'` (in a test file or a `setupFiles` entry) adds the Switchyard
 * matchers to vitest's `expect`, with their types.
 */
import { expect } from 'vitest';
import type { SwitchyardMatchers } from './matchers/matcher-types.js';
import { switchyardMatchers } from './matchers/switchyard-matchers.js';

expect.extend(switchyardMatchers);

declare module 'vitest' {
  interface Matchers<R, T> extends SwitchyardMatchers<R> {}
}

export type {
  FallbackExpectation,
  GuardrailVerdictExpectation,
  ProviderCallExpectation,
  SwitchyardMatchers,
} from './matchers/matcher-types.js';
