import type { MessageCreateParamsNonStreaming, OutputConfig } from '@anthropic-ai/sdk/resources/messages';
import type { ProviderRequest, Warning } from '@switchyard/core';
import type { AnthropicReasoningMode, AnthropicThinkingEffort } from './anthropic-options.js';
import { collectUnsupportedSettings } from './collect-unsupported-settings.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { convertToAnthropicOutputFormat } from './convert-to-anthropic-output-format.js';
import { convertToAnthropicThinking } from './convert-to-anthropic-thinking.js';
import { convertToAnthropicTools } from './convert-to-anthropic-tools.js';
import { notSentWarning } from './not-sent-warning.js';

export interface ConvertToAnthropicRequestInput {
  /** The provider's model id; replaces the gateway-level `model` of the request. */
  modelId: string;
  request: ProviderRequest;
  defaultMaxTokens: number;
  reasoningMode: AnthropicReasoningMode;
  reasoningBudgets: Readonly<Record<AnthropicThinkingEffort, number>>;
}

/** The body without `stream`; the provider adds it per call. */
export type AnthropicRequestBody = Omit<MessageCreateParamsNonStreaming, 'stream'>;

export interface AnthropicRequestConversion {
  body: AnthropicRequestBody;
  warnings: Array<Warning>;
}

type ServiceTier = NonNullable<AnthropicRequestBody['service_tier']>;

function convertServiceTier(
  tier: ProviderRequest['service_tier'],
  warnings: Array<Warning>,
): ServiceTier | undefined {
  switch (tier) {
    case undefined:
    case null:
      return undefined;
    case 'auto':
      return 'auto';
    case 'default':
      return 'standard_only';
    case 'flex':
    case 'scale':
    case 'priority':
    case 'fast':
      warnings.push(notSentWarning('service_tier', `has no '${tier}' tier (only auto and standard_only)`));
      return undefined;
    default: {
      const unexpected: never = tier;
      warnings.push(notSentWarning('service_tier', `has no '${String(unexpected)}' tier`));
      return undefined;
    }
  }
}

/** Anthropic rejects stop sequences that are empty or only whitespace (400 invalid_request_error). */
function convertStopSequences(stop: ProviderRequest['stop'], warnings: Array<Warning>): Array<string> {
  const sequences = typeof stop === 'string' ? [stop] : (stop ?? []);
  const kept = sequences.filter((sequence) => sequence.trim() !== '');
  if (kept.length < sequences.length) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'stop',
      message: `Anthropic rejects stop sequences that are empty or only whitespace; ${sequences.length - kept.length} of them were not sent.`,
    });
  }
  return kept;
}

/** Anthropic's `metadata.user_id` is OpenAI's end-user id: `safety_identifier` (formerly `user`). */
function convertUserId(request: ProviderRequest, warnings: Array<Warning>): string | undefined {
  const { user, safety_identifier: safetyIdentifier } = request;
  if (typeof safetyIdentifier === 'string' && user !== undefined && user !== safetyIdentifier) {
    warnings.push(
      notSentWarning('user', 'takes one end-user id (metadata.user_id), and safety_identifier was sent'),
    );
  }
  return typeof safetyIdentifier === 'string' ? safetyIdentifier : user;
}

/** The Messages API body for a Chat Completions request, with a warning for everything left out. */
export function convertToAnthropicRequest(input: ConvertToAnthropicRequestInput): AnthropicRequestConversion {
  const { request } = input;
  const warnings = collectUnsupportedSettings(request);
  const { system, messages } = convertToAnthropicMessages(request.messages, warnings);
  const tools = convertToAnthropicTools(request, warnings);
  const thinking = convertToAnthropicThinking(
    {
      effort: request.reasoning_effort,
      maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
      defaultMaxTokens: input.defaultMaxTokens,
      mode: input.reasoningMode,
      budgets: input.reasoningBudgets,
    },
    warnings,
  );
  const format = convertToAnthropicOutputFormat(request.response_format, warnings);
  const outputConfig: OutputConfig = {
    ...(thinking.effort === undefined ? {} : { effort: thinking.effort }),
    ...(format === undefined ? {} : { format }),
  };
  const stop = convertStopSequences(request.stop, warnings);
  const userId = convertUserId(request, warnings);
  const serviceTier = convertServiceTier(request.service_tier, warnings);

  const body: AnthropicRequestBody = {
    model: input.modelId,
    max_tokens: thinking.max_tokens,
    ...(system.length === 0 ? {} : { system }),
    messages,
    ...tools,
    ...(thinking.thinking === undefined ? {} : { thinking: thinking.thinking }),
    ...(Object.keys(outputConfig).length === 0 ? {} : { output_config: outputConfig }),
    ...(stop.length === 0 ? {} : { stop_sequences: stop }),
    ...(userId === undefined ? {} : { metadata: { user_id: userId } }),
    ...(serviceTier === undefined ? {} : { service_tier: serviceTier }),
  };
  return { body, warnings };
}
