import { z } from 'zod';
import { positiveInteger, strictObject, stringMap, text } from './yaml-values.js';

const url = () => z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/** Fields every provider takes. Upstream URLs come only from here, never from a request. */
const common = {
  api_key: text().optional(),
  base_url: url().optional(),
  headers: stringMap().optional(),
};

/** OpenAI-compatible presets: `{ api_key?, base_url?, headers? }` and nothing else. */
export const PRESET_PROVIDER_TYPES = [
  'groq',
  'together',
  'fireworks',
  'deepseek',
  'xai',
  'perplexity',
  'cerebras',
  'deepinfra',
  'nvidia',
  'ollama',
  'vllm',
  'lmstudio',
] as const;

export type PresetProviderType = (typeof PRESET_PROVIDER_TYPES)[number];

export const providerConfigSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({
      type: z.literal('openai'),
      ...common,
      organization: text().optional(),
      project: text().optional(),
    }),
    strictObject({
      type: z.literal(['azure-openai', 'azure']),
      ...common,
      resource_name: text().optional(),
      deployment_id: text().optional(),
      api_version: text().optional(),
    }),
    strictObject({
      type: z.literal('anthropic'),
      ...common,
      default_max_tokens: positiveInteger().optional(),
      reasoning_mode: z.enum(['budget', 'adaptive']).optional(),
    }),
    strictObject({
      type: z.literal('google'),
      ...common,
      api_version: text().optional(),
      vertex: strictObject({ project: text().optional(), location: text().optional() }).optional(),
    }),
    strictObject({ type: z.literal('mistral'), ...common }),
    strictObject({
      type: z.literal('cohere'),
      ...common,
      embedding_input_type: z
        .enum(['search_document', 'search_query', 'classification', 'clustering'])
        .optional(),
    }),
    strictObject({ type: z.literal('bedrock'), ...common, region: text().optional() }),
    strictObject({ type: z.literal(PRESET_PROVIDER_TYPES), ...common }),
    strictObject({
      type: z.literal('openrouter'),
      ...common,
      site_url: url().optional(),
      site_name: text().optional(),
    }),
    strictObject({
      type: z.literal('openai-compatible'),
      ...common,
      base_url: url(),
      name: text().optional(),
      query_params: stringMap().optional(),
    }),
    strictObject({
      type: z.literal('mock'),
      reply: z.string().optional(),
      chunk_delay_ms: z.number().int().nonnegative().optional(),
      models_list: z.array(z.string()).optional(),
      provider: text().optional(),
      embedding_dimensions: positiveInteger().optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'expected `type` to be one of openai, azure-openai, anthropic, google, mistral, cohere, bedrock, openrouter, openai-compatible, mock, ' +
          PRESET_PROVIDER_TYPES.join(', ')
        : undefined,
  },
);

export type ProviderConfig = z.output<typeof providerConfigSchema>;
