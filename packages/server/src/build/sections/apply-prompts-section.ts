import { type DeployPromptInput, memoryPromptStore, postgresPromptStore, prompts } from '@switchyard/prompts';
import { ConfigError } from '../../config/config-error.js';
import type { DeployPromptConfig } from '../../config/schema/prompts-config-schema.js';
import type { SectionAdapter } from './section-adapter.js';

/** A validated deploy request (from YAML or the admin API) as the registry takes it. */
export function toDeployInput(name: string, config: DeployPromptConfig): DeployPromptInput {
  return {
    name,
    version: config.version,
    model: config.model,
    messages: config.messages ?? config.prompt ?? [],
    ...(config.parameters === undefined ? {} : { parameters: config.parameters }),
    ...(config.labels === undefined ? {} : { labels: config.labels }),
  };
}

/**
 * `prompts:` → `@switchyard/prompts`: the registry (versions and labels in PostgreSQL when configured,
 * so replicas share them), the templates of the config deployed at startup (idempotent), standing A/B
 * tests, and `model: "prompt:<name>@<label>"` requests through the middleware.
 */
export const applyPromptsSection: SectionAdapter = async ({ config, storage }) => {
  const section = config.prompts;
  if (section === undefined) return undefined;
  const usePostgres = (section.store ?? (storage.sql !== undefined ? 'postgres' : 'memory')) === 'postgres';
  const experiments = Object.fromEntries(
    Object.entries(section.experiments ?? {}).map(([name, experiment]) => [
      name,
      {
        weights: experiment.weights,
        ...(experiment.sticky_by === undefined ? {} : { stickyBy: experiment.sticky_by }),
      },
    ]),
  );
  const registry = prompts({
    store:
      usePostgres && storage.sql !== undefined
        ? postgresPromptStore(storage.sql.client)
        : memoryPromptStore(),
    ...(section.default_label === undefined ? {} : { defaultLabel: section.default_label }),
    ...(Object.keys(experiments).length === 0 ? {} : { experiments }),
  });
  for (const [name, template] of Object.entries(section.templates ?? {})) {
    try {
      await registry.deploy(toDeployInput(name, template));
    } catch (error) {
      throw new ConfigError(
        [
          {
            path: `prompts.templates.${name}`,
            message: error instanceof Error ? error.message : String(error),
          },
        ],
        { cause: error },
      );
    }
  }
  return { middleware: [registry], admin: { prompts: registry } };
};
