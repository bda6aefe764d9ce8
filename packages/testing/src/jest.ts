/**
 * `setupFilesAfterEnv: ['@switchyard/testing/jest']` in the Jest config adds the Switchyard matchers
 * to Jest's global `expect`, with types for both `@jest/globals` and `@types/jest`.
 */
// Brings Jest's `expect` types into the program, so the augmentation below has a module to merge into.
import type {} from 'expect';
import type { SwitchyardMatchers } from './matchers/matcher-types.js';
import { switchyardMatchers } from './matchers/switchyard-matchers.js';

interface Extendable {
  extend(matchers: typeof switchyardMatchers): void;
}

const isExtendable = (value: unknown): value is Extendable =>
  typeof value === 'function' && typeof Reflect.get(value, 'extend') === 'function';

const jestExpect: unknown = Reflect.get(globalThis, 'expect');
if (!isExtendable(jestExpect)) {
  throw new Error(
    "@switchyard/testing/jest: there is no global `expect` to extend. Load it from Jest's `setupFilesAfterEnv`, or call `expect.extend(switchyardMatchers)` (from '@switchyard/testing') yourself.",
  );
}
jestExpect.extend(switchyardMatchers);

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends SwitchyardMatchers<R> {}
}

declare global {
  namespace jest {
    // biome-ignore lint/complexity/noBannedTypes: `{}` is @types/jest's own default; merging needs the same.
    interface Matchers<R, T = {}> extends SwitchyardMatchers<R> {}
  }
}

export type {
  FallbackExpectation,
  GuardrailVerdictExpectation,
  ProviderCallExpectation,
  SwitchyardMatchers,
} from './matchers/matcher-types.js';
