import type { ConverseCommandInput, OutputConfig, ServiceTier } from '@aws-sdk/client-bedrock-runtime';
import type { ProviderRequest, ResponseFormat, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';
import { convertToBedrockThinking } from './convert-to-bedrock-thinking.js';
import { convertToBedrockToolConfig } from './convert-to-bedrock-tool-config.js';

export interface ConvertToBedrockRequestInput {
  provider: string;
  modelId: string;
  request: ProviderRequest;
}

export interface ConvertedBedrockRequest {
  /** The Converse input; ConverseStream takes the same fields. */
  input: ConverseCommandInput;
  warnings: Array<Warning>;
}

const notSent = (provider: string, setting: string, reason: string): Warning => ({
  type: 'unsupported-setting',
  setting,
  message: `${provider} ${reason}; ${setting} was not sent.`,
});

/** `null`, `false` and absent all ask for the API's default, which Converse has; anything else is a request. */
const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== false;

/**
 * `response_format` as Converse structured output: `json_schema` is native
 * (`outputConfig.textFormat`, constrained decoding on the models that support it). Converse has no
 * schema-less JSON mode, so `json_object` is not sent.
 */
function convertResponseFormat(format: ResponseFormat, provider: string, warnings: Array<Warning>) {
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      warnings.push(
        notSent(provider, 'response_format', 'has no JSON mode without a schema (use json_schema)'),
      );
      return undefined;
    case 'json_schema': {
      const { name, description, schema } = format.json_schema;
      const outputConfig: OutputConfig = {
        textFormat: {
          type: 'json_schema',
          structure: {
            jsonSchema: {
              // The API takes the schema as a JSON string.
              schema: JSON.stringify(schema ?? { type: 'object' }),
              name,
              ...(description === undefined ? {} : { description }),
            },
          },
        },
      };
      return outputConfig;
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

function convertServiceTier(
  tier: NonNullable<ProviderRequest['service_tier']>,
  provider: string,
  warnings: Array<Warning>,
): ServiceTier | undefined {
  switch (tier) {
    case 'default':
    case 'flex':
    case 'priority':
      return { type: tier };
    case 'auto':
      // Bedrock picks the tier itself when none is named.
      return undefined;
    case 'scale':
    case 'fast':
      warnings.push(notSent(provider, 'service_tier', `has no '${tier}' service tier`));
      return undefined;
    default: {
      const unexpected: never = tier;
      throw invalidRequestError(provider, 'service_tier', `Unknown service_tier ${String(unexpected)}.`);
    }
  }
}

const dedupe = (warnings: ReadonlyArray<Warning>): Array<Warning> => {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.setting ?? ''}\u0000${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The Converse (and ConverseStream) input for a chat request. Every request field is either mapped,
 * left out because it asks for Converse's default, or left out with a warning.
 */
export function convertToBedrockRequest(input: ConvertToBedrockRequestInput): ConvertedBedrockRequest {
  const { provider, modelId } = input;
  const warnings: Array<Warning> = [];
  const {
    model: _gatewayModel,
    messages,
    max_tokens: maxTokensLegacy,
    max_completion_tokens: maxCompletionTokens,
    temperature,
    top_p: topP,
    stop,
    tools,
    tool_choice: toolChoice,
    parallel_tool_calls: parallelToolCalls,
    response_format: responseFormat,
    reasoning_effort: reasoningEffort,
    metadata,
    service_tier: serviceTier,
    n,
    modalities,
    // Usage always arrives in the stream's metadata event; there is nothing to ask for.
    stream_options: _streamOptions,
    ...unsupported
  } = input.request;

  for (const [setting, value] of Object.entries(unsupported)) {
    if (isSet(value)) warnings.push(notSent(provider, setting, 'does not support this setting'));
  }
  if (typeof n === 'number' && n > 1) warnings.push(notSent(provider, 'n', 'returns one choice per request'));
  if (modalities?.includes('audio')) warnings.push(notSent(provider, 'modalities', 'returns text only'));
  if (parallelToolCalls === false) {
    warnings.push(notSent(provider, 'parallel_tool_calls', 'cannot turn off parallel tool calls'));
  }

  const converted = convertToBedrockMessages(messages, provider);
  warnings.push(...converted.warnings);
  const toolConfig = convertToBedrockToolConfig({
    provider,
    tools,
    toolChoice,
    hasToolBlocks: converted.hasToolBlocks,
  });
  warnings.push(...toolConfig.warnings);
  const thinking = convertToBedrockThinking({
    provider,
    modelId,
    effort: reasoningEffort,
    maxTokens: maxCompletionTokens ?? maxTokensLegacy ?? undefined,
  });
  warnings.push(...thinking.warnings);
  const outputConfig =
    responseFormat === undefined ? undefined : convertResponseFormat(responseFormat, provider, warnings);
  const tier =
    serviceTier === undefined || serviceTier === null
      ? undefined
      : convertServiceTier(serviceTier, provider, warnings);

  const stopSequences =
    stop === undefined || stop === null ? undefined : typeof stop === 'string' ? [stop] : stop;
  const inferenceConfig = {
    ...(thinking.maxTokens === undefined ? {} : { maxTokens: thinking.maxTokens }),
    ...(temperature === undefined || temperature === null ? {} : { temperature }),
    ...(topP === undefined || topP === null ? {} : { topP }),
    ...(stopSequences === undefined || stopSequences.length === 0 ? {} : { stopSequences }),
  };

  return {
    input: {
      modelId,
      messages: converted.messages,
      ...(converted.system.length === 0 ? {} : { system: converted.system }),
      ...(Object.keys(inferenceConfig).length === 0 ? {} : { inferenceConfig }),
      ...(toolConfig.toolConfig === undefined ? {} : { toolConfig: toolConfig.toolConfig }),
      ...(thinking.additionalModelRequestFields === undefined
        ? {}
        : { additionalModelRequestFields: thinking.additionalModelRequestFields }),
      ...(outputConfig === undefined ? {} : { outputConfig }),
      // OpenAI's metadata tags a stored completion; Bedrock's requestMetadata tags the invocation log.
      ...(metadata === undefined || metadata === null ? {} : { requestMetadata: metadata }),
      ...(tier === undefined ? {} : { serviceTier: tier }),
    },
    warnings: dedupe(warnings),
  };
}
