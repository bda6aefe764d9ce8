import type { Gateway, GatewayOptions, ProviderAdapter } from '@switchyard/core';
import type { MockProvider, MockProviderOptions, MockReplySource } from '@switchyard/core/testing';
import type { RecordedRequest } from './recorded-request.js';

/** The providers of an app's configuration: adapters or config entries by name, or just the names. */
export type ProviderNames = Readonly<Record<string, unknown>> | ReadonlyArray<string>;

/** The names `P` lists. */
export type ProviderName<P extends ProviderNames> =
  P extends ReadonlyArray<infer Name extends string> ? Name : Extract<keyof P, string>;

export interface SetupSwitchyardOptions<P extends ProviderNames = ProviderNames>
  extends Omit<GatewayOptions, 'providers'> {
  /**
   * The app's providers. Pass the real `providers` object of the app's gateway options (the adapters are
   * never called), a YAML config's `providers` section, or a list of names: each name gets a mock.
   */
  providers: P;
  /** Mock options per provider name (replies, faults, models…). Default: `{}` for each. */
  mocks?: Partial<Readonly<Record<ProviderName<P>, MockProviderOptions>>>;
  /** What every mock answers unless its `mocks` entry says otherwise. Default: the mock's default text. */
  reply?: MockReplySource;
  /**
   * Adapters to use instead of a mock, by provider name: e.g. a real adapter wrapped by `recordReplay()`
   * to replay recorded traffic. Default: none.
   */
  adapters?: Partial<Readonly<Record<ProviderName<P>, ProviderAdapter>>>;
}

/** What `setupSwitchyard()` returns: the gateway under test, its mocks and every request it handled. */
export interface SwitchyardTestbed<Name extends string = string> {
  /** A real gateway with the app's routes and middleware; `expect(gateway)` matchers read its requests. */
  readonly gateway: Gateway;
  /** The mock standing in for each provider name (names in `adapters` have none); see also `mock(name)`. */
  readonly mocks: Readonly<Partial<Record<Name, MockProvider>>>;
  /** The mock for `name`; throws, listing the names, when there is none. */
  mock(name: Name): MockProvider;
  /** Every `chat.completions.create` call so far, in order. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** Forgets recorded requests and resets every mock (calls and reply sequences). */
  reset(): void;
}
