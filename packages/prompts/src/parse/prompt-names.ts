import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { parseSemver } from '../semver/parse-semver.js';

// Names double as directory names in the file store and appear in `prompt:<name>@<label>`, so they are
// restricted to characters that are safe in paths and never contain `@` or `/`.
const PROMPT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// A label never starts with a digit, so it can never be mistaken for a version.
const LABEL = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function assertPromptName(name: unknown, param = 'name'): asserts name is string {
  if (typeof name !== 'string' || !PROMPT_NAME.test(name)) {
    throw new InvalidPromptError(
      `Invalid prompt name ${JSON.stringify(name) ?? String(name)}: use 1-128 characters from A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit.`,
      param,
    );
  }
}

export function assertVersion(version: unknown, param = 'version'): asserts version is string {
  if (typeof version !== 'string' || parseSemver(version) === undefined) {
    throw new InvalidPromptError(
      `Invalid version ${JSON.stringify(version) ?? String(version)}: expected a semantic version such as 1.2.0 or 1.3.0-beta.1 (no build metadata).`,
      param,
    );
  }
}

export function assertLabel(label: unknown, param = 'label'): asserts label is string {
  if (typeof label !== 'string' || !LABEL.test(label)) {
    throw new InvalidPromptError(
      `Invalid label ${JSON.stringify(label) ?? String(label)}: use 1-64 characters from A-Z, a-z, 0-9, '_' and '-', starting with a letter.`,
      param,
    );
  }
}

/** Whether a reference (`1.2.0` or `production`) names a version rather than a label. */
export const isVersionReference = (reference: string): boolean => parseSemver(reference) !== undefined;
