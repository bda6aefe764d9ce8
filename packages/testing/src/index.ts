/**
 * `@switchyard/testing`: `setupSwitchyard()` (the app's gateway with mock providers) and the matchers.
 * Web-standard only; record/replay, which needs a file system, is `@switchyard/testing/record-replay`.
 */
export type {
  FallbackExpectation,
  GuardrailVerdictExpectation,
  MatcherContext,
  MatcherResult,
  ProviderCallExpectation,
  SwitchyardMatchers,
} from './matchers/matcher-types.js';
export { switchyardMatchers } from './matchers/switchyard-matchers.js';
export type { RecordedRequest } from './setup/recorded-request.js';
export { setupSwitchyard } from './setup/setup-switchyard.js';
export type {
  ProviderName,
  ProviderNames,
  SetupSwitchyardOptions,
  SwitchyardTestbed,
} from './setup/setup-switchyard-options.js';
