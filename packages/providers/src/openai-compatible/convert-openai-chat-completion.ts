import {
  APIConnectionError,
  type GeneratedChoice,
  type GeneratedToolCall,
  type GenerateResult,
  type ResponseInfo,
  type Warning,
} from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord, readString } from '../shared/json-readers.js';
import { convertOpenAIUsage } from './convert-openai-usage.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAILogprobs } from './map-openai-logprobs.js';
import { readOpenAIErrorPayload } from './read-openai-error-payload.js';
import { readReasoning } from './read-reasoning.js';

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed chat completion: ${reason}.`, { provider });

/** Tool arguments as a JSON string; a few servers send an object instead of the string OpenAI sends. */
const readArguments = (value: unknown): string => {
  if (typeof value === 'string') return value;
  return isRecord(value) ? JSON.stringify(value) : '';
};

function convertToolCall(value: unknown, provider: string): GeneratedToolCall {
  if (!isRecord(value)) throw malformed(provider, 'a tool call is not an object');
  // Custom tools carry free-form `input` instead of JSON `arguments`.
  const fn = readRecord(value, 'function') ?? readRecord(value, 'custom');
  const name = fn === undefined ? undefined : readString(fn, 'name');
  if (fn === undefined || name === undefined) throw malformed(provider, 'a tool call has no name');
  return {
    id: readString(value, 'id') ?? `call_${crypto.randomUUID()}`,
    name,
    arguments: readArguments(fn.arguments ?? fn.input),
  };
}

function convertChoice(
  value: unknown,
  position: number,
  provider: string,
  warnings: Array<Warning>,
): GeneratedChoice {
  if (!isRecord(value)) throw malformed(provider, 'a choice is not an object');
  const message = readRecord(value, 'message');
  if (message === undefined) throw malformed(provider, 'a choice has no message');
  const index = readNumber(value, 'index') ?? position;
  const reasoning = readReasoning(message);
  const refusal = readString(message, 'refusal');
  const logprobs = mapOpenAILogprobs(value.logprobs);
  const annotations = readArray(message, 'annotations');
  if (annotations !== undefined && annotations.length > 0) {
    warnings.push({
      type: 'other',
      message: `Choice ${index}: message annotations (citations) are not carried.`,
    });
  }
  if (isRecord(message.audio)) {
    warnings.push({ type: 'other', message: `Choice ${index}: audio output is not carried.` });
  }
  return {
    index,
    text: readString(message, 'content') ?? null,
    ...(reasoning === undefined ? {} : { reasoning }),
    refusal: refusal ?? null,
    toolCalls: (readArray(message, 'tool_calls') ?? []).map((call) => convertToolCall(call, provider)),
    finishReason: mapOpenAIFinishReason(readString(value, 'finish_reason')),
    ...(logprobs === undefined ? {} : { logprobs }),
  };
}

function convertResponseInfo(completion: Record<string, unknown>): ResponseInfo {
  const id = readString(completion, 'id');
  const created = readNumber(completion, 'created');
  const model = readString(completion, 'model');
  const systemFingerprint = readString(completion, 'system_fingerprint');
  return {
    ...(id === undefined ? {} : { id }),
    ...(created === undefined ? {} : { created }),
    ...(model === undefined ? {} : { model }),
    ...(systemFingerprint === undefined ? {} : { systemFingerprint }),
  };
}

/**
 * Converts a non-streaming chat completion body of unknown shape. A body that is not a completion
 * becomes a typed error: the provider's error when it sent one with status 200, else a
 * malformed-response `APIConnectionError`.
 */
export function convertOpenAIChatCompletion(completion: unknown, provider: string): GenerateResult {
  if (!isRecord(completion)) throw malformed(provider, 'the body is not a JSON object');
  const choices = readArray(completion, 'choices');
  if (choices === undefined) {
    const providerError = readOpenAIErrorPayload(completion, provider);
    throw providerError ?? malformed(provider, 'it has no choices');
  }
  const warnings: Array<Warning> = [];
  const usage = convertOpenAIUsage(completion.usage);
  return {
    response: convertResponseInfo(completion),
    choices: choices.map((choice, position) => convertChoice(choice, position, provider, warnings)),
    ...(usage === undefined ? {} : { usage }),
    warnings,
  };
}
