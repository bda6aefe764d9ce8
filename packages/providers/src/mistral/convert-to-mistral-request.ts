import type { ChatCompletionRequest } from '@mistralai/mistralai/models/components';
import type { ProviderRequest, ReasoningEffort, ResponseFormat, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { convertToMistralMessages } from './convert-to-mistral-messages.js';
import { convertToMistralTools } from './convert-to-mistral-tools.js';

/** The body for `chat.complete` / `chat.stream` (the SDK sets `stream` itself). */
export type MistralChatBody = Omit<ChatCompletionRequest, 'stream'>;

export interface ConvertToMistralRequestInput {
  provider: string;
  modelId: string;
  request: ProviderRequest;
}

export interface MistralRequestConversion {
  body: MistralChatBody;
  warnings: Array<Warning>;
}

type MistralResponseFormat = NonNullable<ChatCompletionRequest['responseFormat']>;
type MistralReasoningEffort = NonNullable<ChatCompletionRequest['reasoningEffort']>;

const notSent = (provider: string, setting: string, reason = 'does not support this setting'): Warning => ({
  type: 'unsupported-setting',
  setting,
  message: `${provider} ${reason}; ${setting} was not sent.`,
});

function convertResponseFormat(format: ResponseFormat, provider: string): MistralResponseFormat {
  switch (format.type) {
    case 'text':
    case 'json_object':
      return { type: format.type };
    case 'json_schema': {
      const { name, description, schema, strict } = format.json_schema;
      if (schema === undefined) {
        throw invalidRequestError(
          provider,
          'response_format.json_schema.schema',
          'Mistral requires a schema.',
        );
      }
      return {
        type: 'json_schema',
        jsonSchema: {
          name,
          schemaDefinition: schema,
          ...(description === undefined ? {} : { description }),
          ...(strict == null ? {} : { strict }),
        },
      };
    }
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

/** OpenAI's efforts map one to one, except `max`, which Mistral's highest effort stands in for. */
function convertReasoningEffort(
  effort: NonNullable<ReasoningEffort>,
  provider: string,
  warnings: Array<Warning>,
): MistralReasoningEffort {
  switch (effort) {
    case 'none':
    case 'minimal':
    case 'low':
    case 'medium':
    case 'high':
    case 'xhigh':
      return effort;
    case 'max':
      warnings.push({
        type: 'unsupported-setting',
        setting: 'reasoning_effort',
        message: `${provider} has no 'max' reasoning effort; 'xhigh', its highest, was sent.`,
      });
      return 'xhigh';
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

/** Settings Mistral's chat API has no field for; each one present (and not null) becomes a warning. */
const UNSUPPORTED = [
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'user',
  'store',
  'audio',
  'prompt_cache_retention',
  'safety_identifier',
  'verbosity',
  'web_search_options',
  'functions',
  'function_call',
] as const satisfies ReadonlyArray<keyof ProviderRequest>;

function collectUnsupported(request: ProviderRequest, provider: string): Array<Warning> {
  const warnings = UNSUPPORTED.filter((key) => request[key] != null && request[key] !== false).map((key) =>
    notSent(provider, key),
  );
  if (request.modalities?.some((modality) => modality !== 'text')) {
    warnings.push(notSent(provider, 'modalities', 'returns text only'));
  }
  if (request.service_tier != null && request.service_tier !== 'auto') {
    warnings.push(notSent(provider, 'service_tier', `has no '${request.service_tier}' service tier`));
  }
  return warnings;
}

const predictionText = (prediction: NonNullable<ProviderRequest['prediction']>): string =>
  typeof prediction.content === 'string'
    ? prediction.content
    : prediction.content.map((part) => part.text).join('');

/**
 * The Mistral chat body for an OpenAI-shaped request. Mistral's own names are used where they differ
 * (`random_seed` for `seed`, `any` for `required`, `max_tokens` for `max_completion_tokens`); what it
 * cannot take is left out with a warning. `stream_options` is not sent: Mistral always ends a stream with
 * usage, and the gateway decides what the caller sees.
 */
export function convertToMistralRequest(input: ConvertToMistralRequestInput): MistralRequestConversion {
  const { provider, request } = input;
  const messages = convertToMistralMessages(request.messages, provider);
  const tools = convertToMistralTools(request.tools, request.tool_choice, provider);
  const warnings = [...collectUnsupported(request, provider), ...messages.warnings];
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  const responseFormat =
    request.response_format === undefined
      ? undefined
      : convertResponseFormat(request.response_format, provider);
  const effort = request.reasoning_effort;
  const reasoningEffort = effort == null ? undefined : convertReasoningEffort(effort, provider, warnings);

  const body: MistralChatBody = {
    model: input.modelId,
    messages: messages.messages,
    ...(tools.tools === undefined ? {} : { tools: tools.tools }),
    ...(tools.toolChoice === undefined ? {} : { toolChoice: tools.toolChoice }),
    ...(request.parallel_tool_calls === undefined ? {} : { parallelToolCalls: request.parallel_tool_calls }),
    ...(responseFormat === undefined ? {} : { responseFormat }),
    ...(reasoningEffort === undefined ? {} : { reasoningEffort }),
    ...(request.temperature == null ? {} : { temperature: request.temperature }),
    ...(request.top_p == null ? {} : { topP: request.top_p }),
    ...(maxTokens == null ? {} : { maxTokens }),
    ...(request.stop == null ? {} : { stop: request.stop }),
    ...(request.seed == null ? {} : { randomSeed: request.seed }),
    ...(request.n == null ? {} : { n: request.n }),
    ...(request.frequency_penalty == null ? {} : { frequencyPenalty: request.frequency_penalty }),
    ...(request.presence_penalty == null ? {} : { presencePenalty: request.presence_penalty }),
    ...(request.prediction == null
      ? {}
      : { prediction: { type: 'content', content: predictionText(request.prediction) } }),
    ...(request.prompt_cache_key == null ? {} : { promptCacheKey: request.prompt_cache_key }),
    ...(request.metadata == null ? {} : { metadata: request.metadata }),
    ...(request.service_tier === 'auto' ? { serviceTier: 'auto' } : {}),
  };
  return { body, warnings };
}
