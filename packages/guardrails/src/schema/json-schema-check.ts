import { type Schema, type SchemaDraft, Validator } from '@cfworker/json-schema';
import type { ChatCompletionCreateParamsBase } from '@switchyard/core';
import {
  type CheckOptions,
  type CheckResult,
  DEFAULT_MAX_RETRIES,
  type GuardrailCheck,
} from '../check/guardrail-check.js';
import { readField } from '../moderation/read-scores.js';
import { parseJsonReply } from './parse-json-reply.js';
import { isSafeParseSchema, type SafeParseSchema } from './safe-parse-schema.js';

export interface JsonSchemaOptions extends CheckOptions {
  /**
   * What the answer must be: a JSON Schema, a zod schema (anything with `safeParse`), `{ type: 'json_object' }`
   * or an OpenAI `{ type: 'json_schema', json_schema: { schema } }` response format.
   * Default: the request's own `response_format` (no check when it asks for text).
   */
  schema?: Readonly<Record<string, unknown>> | SafeParseSchema;
  /** JSON Schema draft. Default `'2020-12'`. */
  draft?: SchemaDraft;
}

/** How many validation errors a reason (and so a retry prompt) lists. */
const MAX_LISTED_ERRORS = 5;

type Requirement =
  | { kind: 'none' }
  | { kind: 'object' }
  | { kind: 'schema'; schema: Schema }
  | { kind: 'zod'; schema: SafeParseSchema };

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null;

const requirementOf = (spec: unknown): Requirement => {
  if (isSafeParseSchema(spec)) return { kind: 'zod', schema: spec };
  const type = readField(spec, 'type');
  if (type === 'text' || spec === undefined) return { kind: 'none' };
  if (type === 'json_object') return { kind: 'object' };
  if (type === 'json_schema') {
    const schema = readField(readField(spec, 'json_schema'), 'schema');
    return isSchema(schema) ? { kind: 'schema', schema } : { kind: 'object' };
  }
  return isSchema(spec) ? { kind: 'schema', schema: spec } : { kind: 'none' };
};

const zodPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0 ? '(root)' : path.map((part) => String(part)).join('.');

/**
 * A `response_format` check: the answer must be JSON matching the schema. Validation runs on
 * `@cfworker/json-schema` (no code generation, so it works on edge runtimes). With `retry` (the default) the
 * model is asked again with the validation errors.
 */
export function jsonSchema(options: JsonSchemaOptions = {}): GuardrailCheck {
  const validators = new WeakMap<object, Validator>();
  const validatorFor = (schema: Schema): Validator => {
    let validator = validators.get(schema);
    if (validator === undefined) {
      validator = new Validator(schema, options.draft ?? '2020-12', false);
      validators.set(schema, validator);
    }
    return validator;
  };
  const configured = options.schema === undefined ? undefined : requirementOf(options.schema);
  const requirementFor = (request: ChatCompletionCreateParamsBase): Requirement =>
    configured ?? requirementOf(request.response_format);

  return {
    name: options.name ?? 'response_format',
    action: options.action ?? 'retry',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    run({ text, request }): CheckResult {
      const requirement = requirementFor(request);
      if (requirement.kind === 'none') return { verdict: 'pass' };
      const parsed = parseJsonReply(text);
      if (!parsed.success)
        return { verdict: 'fail', reason: `The answer is not valid JSON (${parsed.error.message}).` };
      const value = parsed.value;
      switch (requirement.kind) {
        case 'object':
          return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? { verdict: 'pass', data: value }
            : { verdict: 'fail', reason: 'The answer must be a JSON object.' };
        case 'schema': {
          const result = validatorFor(requirement.schema).validate(value);
          if (result.valid) return { verdict: 'pass', data: value };
          const errors = [
            ...new Set(result.errors.map((error) => `${error.instanceLocation}: ${error.error}`)),
          ];
          return {
            verdict: 'fail',
            reason: `The answer does not match the JSON schema: ${errors.slice(0, MAX_LISTED_ERRORS).join('; ')}`,
            data: { errors: result.errors },
          };
        }
        case 'zod': {
          const result = requirement.schema.safeParse(value);
          if (result.success) return { verdict: 'pass', data: value };
          const issues = (result.error?.issues ?? []).map(
            (issue) => `${zodPath(issue.path)}: ${issue.message}`,
          );
          return {
            verdict: 'fail',
            reason: `The answer does not match the schema: ${issues.slice(0, MAX_LISTED_ERRORS).join('; ')}`,
            data: { issues: result.error?.issues ?? [] },
          };
        }
        default: {
          const exhaustive: never = requirement;
          return exhaustive;
        }
      }
    },
  };
}
