import { z } from 'zod';
import { positiveNumber, strictObject, text } from './yaml-values.js';

const textPart = z.strictObject({ type: z.literal('text'), text: z.string() });
const imagePart = z.strictObject({
  type: z.literal('image_url'),
  image_url: z.strictObject({
    url: z.string().min(1),
    detail: z.enum(['auto', 'low', 'high', 'original']).exactOptional(),
  }),
});

/** A prompt template message: `{{variables}}` may appear in text and image URLs. */
export const promptMessageSchema = z.discriminatedUnion(
  'role',
  [
    z.strictObject({
      role: z.enum(['system', 'developer']),
      content: z.union([z.string(), z.array(textPart)]),
      name: z.string().exactOptional(),
    }),
    z.strictObject({
      role: z.literal('user'),
      content: z.union([z.string(), z.array(z.discriminatedUnion('type', [textPart, imagePart]))]),
      name: z.string().exactOptional(),
    }),
    z.strictObject({
      role: z.literal('assistant'),
      content: z.union([z.string(), z.array(textPart)]),
      name: z.string().exactOptional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? "expected `role` to be 'system', 'developer', 'user' or 'assistant'"
        : undefined,
  },
);

/** Request settings deployed with a prompt. */
export const promptParametersSchema = strictObject({
  temperature: z.number().exactOptional(),
  top_p: z.number().exactOptional(),
  max_tokens: z.number().int().positive().exactOptional(),
  max_completion_tokens: z.number().int().positive().exactOptional(),
  seed: z.number().int().exactOptional(),
  presence_penalty: z.number().exactOptional(),
  frequency_penalty: z.number().exactOptional(),
  stop: z.union([z.string(), z.array(z.string())]).exactOptional(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).exactOptional(),
});

/**
 * A prompt version to deploy. `prompt` is the reference article's name for `messages`; `version` is a
 * semantic version (quote it in YAML when it could read as a number: `"1.2"`).
 */
export const deployPromptSchema = strictObject({
  name: text().optional(),
  version: text(),
  model: text(),
  messages: z.array(promptMessageSchema).min(1).optional(),
  prompt: z.array(promptMessageSchema).min(1).optional(),
  parameters: promptParametersSchema.optional(),
  labels: z.array(text()).optional(),
}).superRefine((value, context) => {
  if ((value.messages === undefined) === (value.prompt === undefined)) {
    context.addIssue({
      code: 'custom',
      message: 'expected exactly one of `messages` or `prompt` (the template messages)',
    });
  }
});

export type DeployPromptConfig = z.output<typeof deployPromptSchema>;

/** `prompts:` — where versions live, templates deployed at startup, standing A/B tests. */
export const promptsConfigSchema = strictObject({
  /** Default: `postgres` when `storage.database_url` is set, else `memory`. */
  store: z.enum(['memory', 'postgres']).optional(),
  /** The label a request without version or label gets. Default `production`. */
  default_label: text().optional(),
  templates: z.record(z.string(), deployPromptSchema).optional(),
  experiments: z
    .record(
      z.string(),
      strictObject({ weights: z.record(z.string(), positiveNumber()), sticky_by: text().optional() }),
    )
    .optional(),
});
