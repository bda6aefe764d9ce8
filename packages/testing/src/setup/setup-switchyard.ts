import { createGateway, InvalidConfigError, type ProviderAdapter } from '@switchyard/core';
import { type MockProvider, mockProvider } from '@switchyard/core/testing';
import { createGatewayRecorder } from './create-gateway-recorder.js';
import { GATEWAY_REQUESTS } from './gateway-requests-key.js';
import { mockProviderFamily } from './mock-provider-family.js';
import type {
  ProviderName,
  ProviderNames,
  SetupSwitchyardOptions,
  SwitchyardTestbed,
} from './setup-switchyard-options.js';

const providerEntries = (providers: ProviderNames): Array<[string, unknown]> =>
  Array.isArray(providers)
    ? providers.map((name): [string, unknown] => [String(name), undefined])
    : Object.entries(providers);

const checkNames = (option: string, given: object | undefined, names: ReadonlyArray<string>): void => {
  for (const name of Object.keys(given ?? {})) {
    if (!names.includes(name)) {
      throw new InvalidConfigError(
        `setupSwitchyard: \`${option}\` names provider '${name}', which is not in \`providers\` (${names.join(', ')}).`,
      );
    }
  }
};

/**
 * Builds the app's gateway for tests, with a `mockProvider` standing in for every provider name, so a
 * real configuration (routes, fallbacks, cache, guardrails, spend…) runs without keys or network. The
 * gateway records each request for the `expect(gateway)` matchers of `@switchyard/testing/vitest` and
 * `/jest`.
 *
 * @example
 * const { gateway, mock } = setupSwitchyard({
 *   ...appGatewayOptions,
 *   mocks: { 'openai-primary': { reply: [faultReply({ status: 503 }), 'Hi'] } },
 * });
 * await gateway.chat.completions.create({ model: 'production-fallback', messages });
 * expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o' });
 */
export function setupSwitchyard<const P extends ProviderNames>(
  options: SetupSwitchyardOptions<P>,
): SwitchyardTestbed<ProviderName<P>> {
  const {
    providers: configured,
    mocks: mockOptions,
    reply,
    adapters,
    middleware,
    ...gatewayOptions
  } = options;
  const entries = providerEntries(configured);
  const names = entries.map(([name]) => name);
  checkNames('mocks', mockOptions, names);
  checkNames('adapters', adapters, names);
  const adapterFor = (name: string): ProviderAdapter | undefined =>
    adapters !== undefined && Object.hasOwn(adapters, name) ? Reflect.get(adapters, name) : undefined;
  const optionsFor = (name: string) =>
    mockOptions !== undefined && Object.hasOwn(mockOptions, name)
      ? Reflect.get(mockOptions, name)
      : undefined;

  // True for every configured name; it tells the compiler the names came from `P`.
  const isName = (name: string): name is ProviderName<P> => names.includes(name);
  const mocks: Partial<Record<ProviderName<P>, MockProvider>> = {};
  const providers: Record<string, ProviderAdapter> = {};
  for (const [name, entry] of entries) {
    const adapter = adapterFor(name);
    if (adapter !== undefined) {
      providers[name] = adapter;
      continue;
    }
    const mock = mockProvider({
      provider: mockProviderFamily(name, entry),
      ...(reply === undefined ? {} : { reply }),
      ...optionsFor(name),
    });
    if (isName(name)) mocks[name] = mock;
    providers[name] = mock;
  }

  const recorder = createGatewayRecorder();
  const gateway = createGateway({
    ...gatewayOptions,
    providers,
    middleware: [recorder.middleware, ...(middleware ?? [])],
  });
  Object.defineProperty(gateway, GATEWAY_REQUESTS, { value: () => recorder.requests });

  return {
    gateway,
    mocks,
    mock(name) {
      const found: MockProvider | undefined = Object.hasOwn(mocks, name) ? mocks[name] : undefined;
      if (found === undefined) {
        throw new InvalidConfigError(
          `setupSwitchyard: no mock for '${name}'; mocks: ${Object.keys(mocks).join(', ') || 'none'}.`,
        );
      }
      return found;
    },
    get requests() {
      return recorder.requests;
    },
    reset() {
      recorder.reset();
      for (const name of names) if (isName(name)) mocks[name]?.reset();
    },
  };
}
