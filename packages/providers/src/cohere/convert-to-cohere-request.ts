import type { ProviderRequest, ReasoningEffort, ResponseFormat, Warning } from '@switchyard/core';
import type { Cohere } from 'cohere-ai';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';
import { convertToCohereTools } from './convert-to-cohere-tools.js';

export interface CohereRequestConversion {
  body: Cohere.V2ChatRequest;
  warnings: Array<Warning>;
}

const notSent = (provider: string, setting: string, reason = 'does not support this setting'): Warning => ({
  type: 'unsupported-setting',
  setting,
  message: `${provider} ${reason}; ${setting} was not sent.`,
});

function convertResponseFormat(format: ResponseFormat, provider: string): Cohere.ResponseFormatV2 {
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema':
      // Cohere's structured output is JSON mode with a schema, always enforced.
      return {
        type: 'json_object',
        ...(format.json_schema.schema === undefined ? {} : { jsonSchema: format.json_schema.schema }),
      };
    default: {
      const unexpected: never = format;
      throw invalidRequestError(
        provider,
        'response_format',
        `Unknown response_format ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}

/**
 * `reasoning_effort` as Cohere's thinking settings: `none` disables thinking, the other efforts enable it
 * with a growing token budget, and `max` without a budget. (Reasoning models think by default.)
 */
function convertReasoningEffort(effort: NonNullable<ReasoningEffort>, provider: string): Cohere.Thinking {
  switch (effort) {
    case 'none':
      return { type: 'disabled' };
    case 'minimal':
      return { type: 'enabled', tokenBudget: 512 };
    case 'low':
      return { type: 'enabled', tokenBudget: 1024 };
    case 'medium':
      return { type: 'enabled', tokenBudget: 4096 };
    case 'high':
      return { type: 'enabled', tokenBudget: 16_384 };
    case 'xhigh':
      return { type: 'enabled', tokenBudget: 24_576 };
    case 'max':
      return { type: 'enabled' };
    default: {
      const unexpected: never = effort;
      throw invalidRequestError(
        provider,
        'reasoning_effort',
        `Unknown reasoning_effort ${String(unexpected)}.`,
      );
    }
  }
}

/** Settings Cohere's v2 chat has no field for; each one present (and not null or false) becomes a warning. */
const UNSUPPORTED = [
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'user',
  'store',
  'metadata',
  'audio',
  'prediction',
  'prompt_cache_key',
  'prompt_cache_retention',
  'safety_identifier',
  'service_tier',
  'verbosity',
  'web_search_options',
  'functions',
  'function_call',
] as const satisfies ReadonlyArray<keyof ProviderRequest>;

function collectUnsupported(request: ProviderRequest, provider: string): Array<Warning> {
  const warnings = UNSUPPORTED.filter((key) => request[key] != null && request[key] !== false).map((key) =>
    notSent(provider, key),
  );
  if (request.n != null && request.n !== 1) warnings.push(notSent(provider, 'n', 'returns one choice'));
  if (request.modalities?.some((modality) => modality !== 'text')) {
    warnings.push(notSent(provider, 'modalities', 'returns text only'));
  }
  // Cohere calls tools in parallel whenever it sees fit; that cannot be turned off.
  if (request.parallel_tool_calls === false) {
    warnings.push(notSent(provider, 'parallel_tool_calls', 'cannot turn off parallel tool calls'));
  }
  return warnings;
}

/**
 * The Cohere v2 chat body for an OpenAI-shaped request: `p` for `top_p`, `stop_sequences` for `stop`,
 * `thinking` for `reasoning_effort`, `json_object` with a `json_schema` for structured output. What Cohere
 * cannot take is left out with a warning.
 */
export function convertToCohereRequest(input: {
  provider: string;
  modelId: string;
  request: ProviderRequest;
}): CohereRequestConversion {
  const { provider, request } = input;
  const messages = convertToCohereMessages(request.messages, provider);
  const tools = convertToCohereTools(request.tools, request.tool_choice, provider);
  const warnings = [...collectUnsupported(request, provider), ...messages.warnings, ...tools.warnings];
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  const stop =
    request.stop == null ? undefined : typeof request.stop === 'string' ? [request.stop] : request.stop;
  const effort = request.reasoning_effort;

  const body: Cohere.V2ChatRequest = {
    model: input.modelId,
    messages: messages.messages,
    ...(tools.tools === undefined ? {} : { tools: tools.tools }),
    ...(tools.strictTools === undefined ? {} : { strictTools: tools.strictTools }),
    ...(tools.toolChoice === undefined ? {} : { toolChoice: tools.toolChoice }),
    ...(request.response_format === undefined
      ? {}
      : { responseFormat: convertResponseFormat(request.response_format, provider) }),
    ...(effort == null ? {} : { thinking: convertReasoningEffort(effort, provider) }),
    ...(request.temperature == null ? {} : { temperature: request.temperature }),
    ...(request.top_p == null ? {} : { p: request.top_p }),
    ...(maxTokens == null ? {} : { maxTokens }),
    ...(stop === undefined ? {} : { stopSequences: stop }),
    ...(request.seed == null ? {} : { seed: request.seed }),
    ...(request.frequency_penalty == null ? {} : { frequencyPenalty: request.frequency_penalty }),
    ...(request.presence_penalty == null ? {} : { presencePenalty: request.presence_penalty }),
  };
  return { body, warnings };
}
