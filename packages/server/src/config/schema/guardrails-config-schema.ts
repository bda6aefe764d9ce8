import { z } from 'zod';
import { positiveInteger, strictObject, text, yamlBoolean } from './yaml-values.js';

const score = () => z.number().min(0).max(1);

/** What every check takes; `stage` says where a check in a plain list runs. */
const common = {
  action: z.enum(['block', 'mask', 'warn', 'retry', 'fallback']).optional(),
  name: text().optional(),
  max_retries: positiveInteger().optional(),
  stage: z.enum(['input', 'output']).optional(),
};

/** One check, in the reference configuration's form (`{ type: keyword_filter, blocklist: [...], action: block }`). */
export const guardrailCheckSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({
      type: z.literal('keyword_filter'),
      ...common,
      blocklist: z.array(z.string().min(1)).optional(),
      /** Regular expressions (source text). */
      patterns: z.array(z.string().min(1)).optional(),
      allowlist: z.array(z.string().min(1)).optional(),
      whole_word: yamlBoolean().optional(),
      case_sensitive: yamlBoolean().optional(),
      pattern_max_length: positiveInteger().optional(),
    }),
    strictObject({
      type: z.literal('pii_detector'),
      ...common,
      entities: z
        .array(z.enum(['email', 'phone', 'ssn', 'credit_card', 'iban', 'ip_address', 'api_key']))
        .optional(),
      restore: yamlBoolean().optional(),
    }),
    strictObject({ type: z.literal('toxicity_check'), ...common, threshold: score().optional() }),
    strictObject({
      type: z.literal('content_policy'),
      ...common,
      categories: z.array(z.string().min(1)).optional(),
      threshold: score().optional(),
      thresholds: z.record(z.string(), score()).optional(),
    }),
    strictObject({
      type: z.literal('response_format'),
      ...common,
      required_schema: z.record(z.string(), z.unknown()).optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      draft: z.enum(['4', '7', '2019-09', '2020-12']).optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? "expected `type` to be 'keyword_filter', 'pii_detector', 'toxicity_check', 'content_policy' or 'response_format'"
        : undefined,
  },
);

export type GuardrailCheckConfig = z.output<typeof guardrailCheckSchema>;

const checkList = () => z.array(guardrailCheckSchema);

/** The classifier `toxicity_check` and `content_policy` use. */
export const classifierConfigSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({
      type: z.literal('openai_moderation'),
      /** An `openai` provider whose key and base URL to use. Default: the first one configured. */
      provider: text().optional(),
      api_key: text().optional(),
      base_url: z.url({ protocol: /^https?$/ }).optional(),
      model: text().optional(),
    }),
    strictObject({
      type: z.literal('llm_judge'),
      /** A strategy or `provider/model` that answers the verdicts. */
      model: text(),
      categories: z.array(z.string().min(1)).optional(),
      instructions: text().optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? "expected `type` to be 'openai_moderation' or 'llm_judge'" : undefined,
  },
);

export type ClassifierConfig = z.output<typeof classifierConfigSchema>;

const setSchema = z.union(
  [checkList(), strictObject({ input: checkList().optional(), output: checkList().optional() })],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'expected a list of checks, or a mapping `{ input: [...], output: [...] }`'
        : undefined,
  },
);

export type GuardrailSetConfig = z.output<typeof setSchema>;

/**
 * `guardrails:` — named sets of checks (the reference configuration's `input-validation` and
 * `output-validation`: lists), selected per request, and two reserved keys: `classifier` (for moderation
 * checks) and `default` (sets that run on every request).
 */
export const guardrailsConfigSchema = z
  .object({ classifier: classifierConfigSchema.optional(), default: z.array(text()).optional() })
  .catchall(setSchema)
  .transform(({ classifier, default: defaults, ...sets }) => ({
    sets,
    defaults: defaults ?? [],
    ...(classifier === undefined ? {} : { classifier }),
  }));

export type GuardrailsConfig = z.output<typeof guardrailsConfigSchema>;
