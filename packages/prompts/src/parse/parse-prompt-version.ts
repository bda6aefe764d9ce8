import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import type { PromptVersion } from '../prompt-version.js';
import { templateVariables } from '../template/template-variables.js';
import { isRecord } from './is-record.js';
import { parsePromptMessages } from './parse-prompt-messages.js';
import { parsePromptParameters } from './parse-prompt-parameters.js';
import { assertPromptName, assertVersion } from './prompt-names.js';

const FIELDS = ['name', 'version', 'model', 'messages', 'parameters', 'deployedAt'];

/**
 * Checks a prompt version read from a store (a row, a YAML or JSON file) and returns a fresh, typed copy.
 * Templates are checked too, so a hand-edited file with a malformed tag fails when it is read.
 */
export function parsePromptVersion(value: unknown): PromptVersion {
  if (!isRecord(value)) throw new InvalidPromptError('Invalid prompt version: expected an object.', 'body');
  for (const key of Object.keys(value)) {
    if (!FIELDS.includes(key)) {
      throw new InvalidPromptError(
        `Unknown field '${key}' in a prompt version (allowed: ${FIELDS.join(', ')}).`,
        key,
      );
    }
  }
  const { name, version, model, deployedAt } = value;
  assertPromptName(name);
  assertVersion(version);
  if (typeof model !== 'string' || model === '') {
    throw new InvalidPromptError(
      'Invalid model: expected a non-empty string (a route, `provider/model` or a model).',
      'model',
    );
  }
  if (typeof deployedAt !== 'string' || Number.isNaN(Date.parse(deployedAt))) {
    throw new InvalidPromptError('Invalid deployedAt: expected an ISO 8601 time.', 'deployedAt');
  }
  const messages = parsePromptMessages(value.messages);
  templateVariables(messages);
  return { name, version, model, messages, parameters: parsePromptParameters(value.parameters), deployedAt };
}
