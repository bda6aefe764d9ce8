import { PromptNotFoundError } from './errors/prompt-not-found-error.js';
import { createPromptStage } from './middleware/prompt-stage.js';
import { assertLabel, assertPromptName, assertVersion, isVersionReference } from './parse/prompt-names.js';
import type {
  ExecutePromptInput,
  PromptCompletion,
  PromptHistoryEntry,
  PromptRegistry,
  PromptSummary,
  RenderedPrompt,
  RenderPromptInput,
} from './prompt-registry.js';
import type { PromptVersion } from './prompt-version.js';
import type { PromptsOptions } from './prompts-options.js';
import { checkPromptsOptions } from './registry/check-prompts-options.js';
import type { ChooseContext } from './registry/choose-version.js';
import { deployPrompt } from './registry/deploy-prompt.js';
import { executePrompt } from './registry/execute-prompt.js';
import { createPromptReader } from './registry/prompt-reader.js';
import { renderPrompt } from './registry/render-prompt.js';
import { requireVersion, resolveReference } from './registry/resolve-reference.js';
import { memoryPromptStore } from './store/memory-prompt-store.js';

const labelsByVersion = (labels: Record<string, string>): Map<string, Array<string>> => {
  const byVersion = new Map<string, Array<string>>();
  for (const [label, version] of Object.entries(labels))
    byVersion.set(version, [...(byVersion.get(version) ?? []), label]);
  return byVersion;
};

/**
 * A prompt registry: versioned `{{variable}}` templates with labels and A/B splits, kept in a store.
 * Use its admin methods directly (`deploy`, `render`, …) and/or add it to a gateway's `middleware` so
 * requests can name a prompt as `model: 'prompt:<name>@<label>'`.
 *
 * @example
 * const registry = prompts({ store: postgresPromptStore(pool) });
 * await registry.deploy({ name: 'classifier', version: '1.2.0', model: 'gpt-4o-mini', messages, labels: ['production'] });
 * const completion = await registry.render({ name: 'classifier', variables: { ticket_content }, gateway });
 */
export function prompts(options: PromptsOptions = {}): PromptRegistry {
  checkPromptsOptions(options);
  const store = options.store ?? memoryPromptStore();
  const reader = createPromptReader(store);
  const context: ChooseContext = {
    reader,
    defaultLabel: options.defaultLabel ?? 'production',
    experiments: options.experiments ?? {},
  };

  function render(input: ExecutePromptInput): Promise<PromptCompletion>;
  function render(input: RenderPromptInput): Promise<RenderedPrompt>;
  function render(input: RenderPromptInput | ExecutePromptInput): Promise<RenderedPrompt | PromptCompletion> {
    return 'gateway' in input && input.gateway !== undefined
      ? executePrompt(context, input)
      : renderPrompt(context, input);
  }

  const versionsOf = async (name: string): Promise<Array<PromptVersion>> => {
    assertPromptName(name);
    const versions = await reader.versions(name);
    if (versions.length === 0) throw new PromptNotFoundError(`No prompt named '${name}' is deployed.`);
    return versions;
  };

  return {
    name: 'prompts',
    stages: { prompts: createPromptStage(context) },
    deploy: (input) => deployPrompt(store, input),
    async setLabel({ name, label, version }) {
      assertPromptName(name);
      assertLabel(label);
      assertVersion(version);
      await requireVersion(reader, name, version);
      await store.setLabel(name, label, version);
    },
    async list(): Promise<Array<PromptSummary>> {
      const names = [...(await store.listNames())].sort();
      return Promise.all(
        names.map(async (name) => {
          const [versions, labels] = await Promise.all([reader.versions(name), reader.labels(name)]);
          const ordered = versions.map((record) => record.version);
          return { name, versions: ordered, latest: ordered.at(-1) ?? '', labels };
        }),
      );
    },
    async get(name, reference) {
      assertPromptName(name);
      const byVersion = reference !== undefined && isVersionReference(reference);
      if (reference !== undefined && !byVersion) assertLabel(reference);
      const resolved = await resolveReference(
        reader,
        name,
        byVersion ? { version: reference } : { label: reference },
        context.defaultLabel,
      );
      return structuredClone(resolved.record);
    },
    async history(name): Promise<Array<PromptHistoryEntry>> {
      const [versions, labels] = await Promise.all([versionsOf(name), reader.labels(name)]);
      const onVersion = labelsByVersion(labels);
      return versions
        .map((record, order) => ({ record, order }))
        .sort(
          (a, b) => Date.parse(b.record.deployedAt) - Date.parse(a.record.deployedAt) || b.order - a.order,
        )
        .map(({ record }) => ({
          version: record.version,
          deployedAt: record.deployedAt,
          labels: onVersion.get(record.version) ?? [],
        }));
    },
    render,
  };
}
