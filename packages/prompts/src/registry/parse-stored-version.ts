import { InvalidConfigError } from '@switchyard/core';
import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { parsePromptVersion } from '../parse/parse-prompt-version.js';
import type { PromptVersion } from '../prompt-version.js';

/**
 * Parses what a store returned for `name@version`. Bad stored data (a hand-edited file, a foreign row) is
 * a broken configuration, not a bad request, so it becomes an `InvalidConfigError` naming the version.
 */
export function parseStoredVersion(value: unknown, name: string, version: string): PromptVersion {
  let record: PromptVersion;
  try {
    record = parsePromptVersion(value);
  } catch (error) {
    if (!InvalidPromptError.isInstance(error)) throw error;
    throw new InvalidConfigError(`Stored prompt ${name}@${version} is invalid: ${error.message}`, {
      cause: error,
    });
  }
  if (record.name !== name || record.version !== version) {
    throw new InvalidConfigError(
      `Stored prompt ${name}@${version} says it is ${record.name}@${record.version}; the two must match.`,
    );
  }
  return record;
}
