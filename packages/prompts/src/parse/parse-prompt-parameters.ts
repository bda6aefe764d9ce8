import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import type { PromptParameters } from '../prompt-version.js';
import { isRecord } from './is-record.js';
import { parameterGuards } from './parameter-guards.js';
import type { Guard } from './value-guards.js';

/** Whether `key` is a field a prompt may deploy (`temperature`, `tools`, …). */
export const isParameterName = (key: string): key is keyof PromptParameters =>
  Object.hasOwn(parameterGuards, key);

// The guards come in as a mapped type over `K`, so `guards[key]` is the guard for exactly this field.
const copyParameter = <K extends keyof PromptParameters>(
  guards: { [P in K]: Guard<Exclude<PromptParameters[P], undefined>> },
  target: PromptParameters,
  key: K,
  value: unknown,
): boolean => {
  const guard = guards[key];
  if (!guard(value)) return false;
  target[key] = value;
  return true;
};

/**
 * Checks deployed request settings field by field and returns a fresh object holding only them.
 * Unknown fields are rejected (a typo such as `max_token` fails at deploy, not at the provider), as are
 * `model`, `messages` and streaming, which a prompt does not decide.
 */
export function parsePromptParameters(value: unknown, param = 'parameters'): PromptParameters {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new InvalidPromptError(`Invalid ${param}: expected an object.`, param);
  const parameters: PromptParameters = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (!isParameterName(key)) {
      const hint =
        key === 'model' || key === 'messages'
          ? ` Pass \`${key}\` to deploy() directly.`
          : key === 'stream' || key === 'stream_options'
            ? ' Streaming is chosen per request, not per prompt.'
            : '';
      throw new InvalidPromptError(`Unknown parameter '${key}' in ${param}.${hint}`, `${param}.${key}`);
    }
    if (!copyParameter(parameterGuards, parameters, key, field)) {
      throw new InvalidPromptError(
        `Invalid value for ${param}.${key}: ${JSON.stringify(field) ?? typeof field}.`,
        `${param}.${key}`,
      );
    }
  }
  return parameters;
}
