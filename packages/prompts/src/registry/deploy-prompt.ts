import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { PromptVersionConflictError } from '../errors/prompt-version-conflict-error.js';
import { isRecord } from '../parse/is-record.js';
import { parsePromptVersion } from '../parse/parse-prompt-version.js';
import { assertLabel } from '../parse/prompt-names.js';
import type { DeployPromptInput } from '../prompt-registry.js';
import type { PromptVersion } from '../prompt-version.js';
import type { PromptStore } from '../store/prompt-store.js';
import { canonicalJson } from './canonical-json.js';
import { parseStoredVersion } from './parse-stored-version.js';

const content = (record: PromptVersion): string =>
  canonicalJson({ model: record.model, messages: record.messages, parameters: record.parameters });

/**
 * Validates and stores a new version, then moves its labels to it. Deploying an existing version with
 * identical content only moves the labels (so a CI job may deploy the same files again); with
 * different content it fails with `PromptVersionConflictError` and changes nothing.
 */
export async function deployPrompt(store: PromptStore, input: DeployPromptInput): Promise<PromptVersion> {
  if (!isRecord(input)) throw new InvalidPromptError('deploy() expects an object.', 'name');
  const labels = input.labels ?? [];
  if (!Array.isArray(labels))
    throw new InvalidPromptError('`labels` must be an array of label names.', 'labels');
  labels.forEach((label, index) => {
    assertLabel(label, `labels[${index}]`);
  });
  const record = parsePromptVersion({
    name: input.name,
    version: input.version,
    model: input.model,
    messages: input.messages,
    parameters: input.parameters ?? {},
    deployedAt: new Date().toISOString(),
  });
  const inserted = await store.insertVersion(record);
  const stored = inserted.created ? record : parseStoredVersion(inserted.record, record.name, record.version);
  if (!inserted.created && content(stored) !== content(record)) {
    throw new PromptVersionConflictError(record.name, record.version);
  }
  for (const label of labels) await store.setLabel(record.name, label, record.version);
  return structuredClone(stored);
}
