import type { ProviderRequest, ResponseFormat, Warning } from '@switchyard/core';
import type OpenAI from 'openai';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';
import { convertToOpenAIToolChoice } from './convert-to-openai-tool-choice.js';
import { convertToOpenAITools } from './convert-to-openai-tools.js';
import type { UnsupportedSetting } from './openai-compatible-options.js';

export interface ConvertToOpenAIRequestInput {
  provider: string;
  /** The provider's model id; replaces the gateway-level `model` of the request. */
  modelId: string;
  request: ProviderRequest;
  unsupported: ReadonlyArray<UnsupportedSetting>;
  sendReasoningContent: boolean;
}

export interface OpenAIRequestConversion<Body> {
  body: Body;
  warnings: Array<Warning>;
}

type AudioFormat = OpenAI.ChatCompletionAudioParam['format'];
type AudioVoice = OpenAI.ChatCompletionAudioParam['voice'];

const audioFormats: ReadonlyArray<AudioFormat> = ['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16'];
const isAudioFormat = (format: string): format is AudioFormat =>
  audioFormats.some((known) => known === format);

const isAudioVoice = (voice: unknown): voice is AudioVoice =>
  typeof voice === 'string' ||
  (typeof voice === 'object' && voice !== null && 'id' in voice && typeof voice.id === 'string');

function convertAudio(
  audio: NonNullable<ProviderRequest['audio']>,
  provider: string,
): OpenAI.ChatCompletionAudioParam {
  const { format, voice } = audio;
  if (!isAudioFormat(format)) {
    throw invalidRequestError(provider, 'audio.format', `Unsupported audio format '${format}'.`);
  }
  if (!isAudioVoice(voice)) {
    throw invalidRequestError(provider, 'audio.voice', 'Expected a voice name or { id }.');
  }
  return { format, voice };
}

type OpenAIResponseFormat = NonNullable<OpenAI.ChatCompletionCreateParams['response_format']>;

/** Chat Completions takes text, json_object and json_schema; anything else arrived untyped over HTTP. */
function convertResponseFormat(format: ResponseFormat, provider: string, _warnings: Array<Warning>) {
  switch (format.type) {
    case 'text':
    case 'json_object':
    case 'json_schema':
      return format satisfies OpenAIResponseFormat;
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

const notSent = (provider: string, setting: string, reason: string): Warning => ({
  type: 'unsupported-setting',
  setting,
  message: `${provider} ${reason}; ${setting} was not sent.`,
});

/**
 * The wire body for `chat.completions.create`: the request with the provider's model id, the
 * preset's unsupported fields removed (one warning each) and only non-API values converted.
 */
export function convertToOpenAIRequest(
  input: ConvertToOpenAIRequestInput & { stream: true },
): OpenAIRequestConversion<OpenAI.ChatCompletionCreateParamsStreaming>;
export function convertToOpenAIRequest(
  input: ConvertToOpenAIRequestInput & { stream: false },
): OpenAIRequestConversion<OpenAI.ChatCompletionCreateParamsNonStreaming>;
export function convertToOpenAIRequest(
  input: ConvertToOpenAIRequestInput & { stream: boolean },
): OpenAIRequestConversion<OpenAI.ChatCompletionCreateParams> {
  const { provider } = input;
  const warnings: Array<Warning> = [];
  const request = { ...input.request };
  for (const setting of input.unsupported) {
    const value = request[setting];
    if (value === undefined) continue;
    // An explicit null asks for the default, which is what omitting the field gives.
    if (value !== null) warnings.push(notSent(provider, setting, 'does not support this setting'));
    delete request[setting];
  }

  const {
    model: _gatewayModel,
    messages,
    tools,
    tool_choice: toolChoice,
    response_format: responseFormat,
    audio,
    functions,
    function_call: functionCall,
    stream_options: streamOptions,
    ...passthrough
  } = request;
  // Legacy function calling returns `message.function_call`, which the neutral result cannot carry.
  if (functions !== undefined)
    warnings.push(notSent(provider, 'functions', 'adapter supports tools, not legacy functions'));
  if (functionCall !== undefined) {
    warnings.push(
      notSent(provider, 'function_call', 'adapter supports tool_choice, not legacy function_call'),
    );
  }

  const converted = convertToOpenAIMessages(messages, {
    provider,
    sendReasoningContent: input.sendReasoningContent,
  });
  warnings.push(...converted.warnings);
  const format =
    responseFormat === undefined ? undefined : convertResponseFormat(responseFormat, provider, warnings);

  const body = {
    ...passthrough,
    model: input.modelId,
    messages: converted.messages,
    ...(tools === undefined ? {} : { tools: convertToOpenAITools(tools, provider) }),
    ...(toolChoice === undefined ? {} : { tool_choice: convertToOpenAIToolChoice(toolChoice, provider) }),
    ...(format === undefined ? {} : { response_format: format }),
    ...(audio === undefined ? {} : { audio: audio === null ? null : convertAudio(audio, provider) }),
  };
  if (!input.stream) return { body, warnings };
  // A server that rejects stream_options gets none (it reports usage unasked, or not at all).
  if (input.unsupported.includes('stream_options')) return { body: { ...body, stream: true }, warnings };
  // Otherwise always ask for the final usage chunk: the gateway prices every streamed call from it.
  return {
    body: { ...body, stream: true, stream_options: { ...streamOptions, include_usage: true } },
    warnings,
  };
}
