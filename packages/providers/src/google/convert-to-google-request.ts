import type { Content, GenerateContentConfig } from '@google/genai';
import type { ProviderRequest, ResponseFormat, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import { convertToGoogleContents } from './convert-to-google-contents.js';
import { convertToGoogleThinkingConfig, usesThinkingLevels } from './convert-to-google-thinking-config.js';
import { convertToGoogleToolConfig } from './convert-to-google-tool-config.js';
import { convertToGoogleTools } from './convert-to-google-tools.js';
import { schemaKeywordsWarning } from './schema-keywords-warning.js';

export interface ConvertToGoogleRequestInput {
  provider: string;
  /** The provider's model id, e.g. `gemini-2.5-flash` (it decides thinking levels vs budgets). */
  modelId: string;
  request: ProviderRequest;
}

/** What `models.generateContent(Stream)` takes, without the per-call HTTP options. */
export interface GoogleRequest {
  contents: Array<Content>;
  config: GenerateContentConfig;
  warnings: Array<Warning>;
}

const notSent = (setting: string, reason: string): Warning => ({
  type: 'unsupported-setting',
  setting,
  message: `Gemini ${reason}; ${setting} was not sent.`,
});

/** `response_format` → `responseMimeType` (+ `responseSchema` in Gemini's schema subset). */
function convertResponseFormat(
  format: ResponseFormat,
  provider: string,
  warnings: Array<Warning>,
): Pick<GenerateContentConfig, 'responseMimeType' | 'responseSchema'> {
  switch (format.type) {
    case 'text':
      return {};
    case 'json_object':
      return { responseMimeType: 'application/json' };
    case 'json_schema': {
      const { schema: jsonSchema } = format.json_schema;
      if (jsonSchema === undefined) return { responseMimeType: 'application/json' };
      // Key order matters to JSON Schema users; Gemini keeps it only when told (`propertyOrdering`).
      const { schema, dropped } = convertJsonSchemaToGoogleSchema(jsonSchema, { propertyOrdering: true });
      const warning = schemaKeywordsWarning('response_format.json_schema.schema', dropped);
      if (warning !== undefined) warnings.push(warning);
      return { responseMimeType: 'application/json', responseSchema: schema };
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

/** Request fields Gemini has no counterpart for: one warning each (an explicit null asks for nothing). */
function unsupportedSettings(request: ProviderRequest): Array<Warning> {
  const warnings: Array<Warning> = [];
  const check = (value: unknown, setting: string, reason: string) => {
    if (value !== undefined && value !== null) warnings.push(notSent(setting, reason));
  };
  check(request.logit_bias, 'logit_bias', 'has no logit bias');
  check(request.user, 'user', 'has no end-user id');
  check(request.safety_identifier, 'safety_identifier', 'has no end-user id');
  check(request.metadata, 'metadata', 'does not store completions');
  check(request.store, 'store', 'does not store completions');
  check(request.service_tier, 'service_tier', 'takes no OpenAI service tier');
  check(request.audio, 'audio', 'adapter returns text, not audio');
  if (request.modalities?.includes('audio') === true)
    warnings.push(notSent('modalities', 'adapter returns text only'));
  check(request.prediction, 'prediction', 'has no predicted outputs');
  check(request.prompt_cache_key, 'prompt_cache_key', 'caches prompts implicitly (or via cachedContent)');
  check(
    request.prompt_cache_retention,
    'prompt_cache_retention',
    'caches prompts implicitly (or via cachedContent)',
  );
  check(request.verbosity, 'verbosity', 'has no verbosity setting');
  check(request.web_search_options, 'web_search_options', 'adapter does not map web search');
  // Legacy function calling returns `message.function_call`, which the neutral result cannot carry.
  check(request.functions, 'functions', 'adapter supports tools, not legacy functions');
  check(request.function_call, 'function_call', 'adapter supports tool_choice, not legacy function_call');
  if (request.parallel_tool_calls === false) {
    warnings.push(notSent('parallel_tool_calls', 'cannot be told to make one call at a time'));
  }
  return warnings;
}

/** The Chat Completions request → Gemini `contents` and `config`, with a warning for everything not sent. */
export function convertToGoogleRequest(input: ConvertToGoogleRequestInput): GoogleRequest {
  const { provider, modelId, request } = input;
  const warnings = unsupportedSettings(request);
  const converted = convertToGoogleContents(request.messages, {
    provider,
    requiresCallSignatures: usesThinkingLevels(modelId),
  });
  warnings.push(...converted.warnings);

  const config: GenerateContentConfig = {
    // One call is one HTTP request: continuation hops would re-send it behind the gateway's back.
    automaticContinuation: false,
  };
  if (converted.systemInstruction !== undefined) config.systemInstruction = converted.systemInstruction;
  if (request.temperature != null) config.temperature = request.temperature;
  if (request.top_p != null) config.topP = request.top_p;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) config.maxOutputTokens = maxTokens;
  if (request.stop != null)
    config.stopSequences = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.seed != null) config.seed = request.seed;
  if (request.presence_penalty != null) config.presencePenalty = request.presence_penalty;
  if (request.frequency_penalty != null) config.frequencyPenalty = request.frequency_penalty;
  if (request.n != null && request.n !== 1) config.candidateCount = request.n;
  if (request.logprobs === true) {
    config.responseLogprobs = true;
    if (request.top_logprobs != null) config.logprobs = request.top_logprobs;
  }
  if (request.response_format !== undefined) {
    Object.assign(config, convertResponseFormat(request.response_format, provider, warnings));
  }

  const tools = request.tools === undefined ? undefined : convertToGoogleTools(request.tools, provider);
  if (tools !== undefined) {
    warnings.push(...tools.warnings);
    if (tools.tools !== undefined) config.tools = tools.tools;
  }
  if (request.tool_choice !== undefined) {
    if (tools?.tools === undefined) {
      warnings.push(notSent('tool_choice', 'takes a function calling mode only with function tools'));
    } else {
      const toolConfig = convertToGoogleToolConfig(request.tool_choice, tools.functionNames, provider);
      warnings.push(...toolConfig.warnings);
      if (toolConfig.toolConfig !== undefined) config.toolConfig = toolConfig.toolConfig;
    }
  }

  const thinking = convertToGoogleThinkingConfig(request.reasoning_effort, modelId, provider);
  warnings.push(...thinking.warnings);
  if (thinking.thinkingConfig !== undefined) config.thinkingConfig = thinking.thinkingConfig;

  return { contents: converted.contents, config, warnings };
}
