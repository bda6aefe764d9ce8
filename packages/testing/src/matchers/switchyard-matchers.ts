import { toHaveCalledProvider } from './to-have-called-provider.js';
import { toHaveFallenBack } from './to-have-fallen-back.js';
import { toHaveGuardrailVerdict } from './to-have-guardrail-verdict.js';
import { toHaveHitCache } from './to-have-hit-cache.js';

/**
 * The matchers as an object for `expect.extend(switchyardMatchers)`, for runners other than vitest and
 * Jest (Bun…) or Jest without injected globals. `@switchyard/testing/vitest` and `/jest` do it for you.
 */
export const switchyardMatchers = {
  toHaveCalledProvider,
  toHaveHitCache,
  toHaveGuardrailVerdict,
  toHaveFallenBack,
};
