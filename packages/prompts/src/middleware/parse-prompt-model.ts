import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { assertLabel, assertPromptName, isVersionReference } from '../parse/prompt-names.js';

/** `model` values starting with this address a prompt: `prompt:<name>`, `prompt:<name>@<version|label>`. */
export const PROMPT_MODEL_PREFIX = 'prompt:';

export interface PromptModelReference {
  name: string;
  version?: string;
  label?: string;
}

/** The prompt a `model` names, or `undefined` when it names no prompt. */
export function parsePromptModel(model: string): PromptModelReference | undefined {
  if (!model.startsWith(PROMPT_MODEL_PREFIX)) return undefined;
  const address = model.slice(PROMPT_MODEL_PREFIX.length);
  const at = address.indexOf('@');
  const name = at === -1 ? address : address.slice(0, at);
  assertPromptName(name, 'model');
  if (at === -1) return { name };
  const reference = address.slice(at + 1);
  if (isVersionReference(reference)) return { name, version: reference };
  if (reference === '') {
    throw new InvalidPromptError(`Invalid model '${model}': expected a version or label after '@'.`, 'model');
  }
  assertLabel(reference, 'model');
  return { name, label: reference };
}
