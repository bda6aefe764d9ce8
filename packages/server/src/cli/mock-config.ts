import { parseConfig } from '../config/parse-config.js';
import type { SwitchyardConfig } from '../config/switchyard-config.js';

/** What `switchyard serve` runs without a config: the mock provider, answering any model name. */
const MOCK_CONFIG_YAML = `
providers:
  mock:
    type: mock
    reply: Hello from Switchyard's mock provider. Point --config at a switchyard.yaml to call real providers.
strategies:
  mock-any-model:
    type: single
    target:
      provider: mock
gateway:
  default_route: mock-any-model
`;

export function mockConfig(): SwitchyardConfig {
  return parseConfig({ text: MOCK_CONFIG_YAML, file: '(built-in mock config)' }, { env: {} });
}
