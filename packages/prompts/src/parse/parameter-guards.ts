import type {
  ChatContentPartText,
  ChatTool,
  FunctionDefinition,
  ResponseFormat,
  ToolChoice,
} from '@switchyard/core';
import type { PromptParameters } from '../prompt-version.js';
import { isRecord } from './is-record.js';
import {
  arrayOf,
  type Guard,
  isBoolean,
  isFiniteNumber,
  isString,
  nullable,
  oneOf,
  recordOf,
} from './value-guards.js';

/** One guard per deployable parameter; the mapped type makes the compiler insist every field has one. */
export type ParameterGuards = {
  [K in keyof PromptParameters]-?: Guard<Exclude<PromptParameters[K], undefined>>;
};

const isNamed = (value: unknown): value is Record<string, unknown> & { name: string } =>
  isRecord(value) && typeof value.name === 'string' && value.name !== '';

const isFunctionDefinition: Guard<FunctionDefinition> = (value): value is FunctionDefinition =>
  isNamed(value) &&
  (value.description === undefined || typeof value.description === 'string') &&
  (value.parameters === undefined || isRecord(value.parameters)) &&
  (value.strict === undefined || value.strict === null || typeof value.strict === 'boolean');

const isTool: Guard<ChatTool> = (value): value is ChatTool =>
  isRecord(value) &&
  ((value.type === 'function' && isFunctionDefinition(value.function)) ||
    (value.type === 'custom' && isNamed(value.custom)));

const isResponseFormat: Guard<ResponseFormat> = (value): value is ResponseFormat =>
  isRecord(value) &&
  (value.type === 'text' ||
    value.type === 'json_object' ||
    (value.type === 'json_schema' &&
      isNamed(value.json_schema) &&
      (value.json_schema.schema === undefined || isRecord(value.json_schema.schema))));

const isToolChoice: Guard<ToolChoice> = (value): value is ToolChoice =>
  value === 'none' ||
  value === 'auto' ||
  value === 'required' ||
  (isRecord(value) &&
    ((value.type === 'function' && isNamed(value.function)) ||
      (value.type === 'custom' && isNamed(value.custom)) ||
      (value.type === 'allowed_tools' && isRecord(value.allowed_tools))));

const isTextPart: Guard<ChatContentPartText> = (value): value is ChatContentPartText =>
  isRecord(value) && value.type === 'text' && typeof value.text === 'string';

const isStop: Guard<string | Array<string> | null> = (value): value is string | Array<string> | null =>
  value === null || isString(value) || arrayOf(isString)(value);

const isAudio: Guard<NonNullable<PromptParameters['audio']>> = (
  value,
): value is NonNullable<PromptParameters['audio']> =>
  isRecord(value) &&
  oneOf(['wav', 'mp3', 'aac', 'flac', 'opus', 'pcm16'])(value.format) &&
  (isString(value.voice) || (isRecord(value.voice) && isString(value.voice.id)));

const isPrediction: Guard<NonNullable<PromptParameters['prediction']>> = (
  value,
): value is NonNullable<PromptParameters['prediction']> =>
  isRecord(value) &&
  value.type === 'content' &&
  (isString(value.content) || arrayOf(isTextPart)(value.content));

const isFunctionCall: Guard<NonNullable<PromptParameters['function_call']>> = (
  value,
): value is NonNullable<PromptParameters['function_call']> =>
  value === 'none' || value === 'auto' || isNamed(value);

const number = nullable(isFiniteNumber);

export const parameterGuards: ParameterGuards = {
  frequency_penalty: number,
  logit_bias: nullable(recordOf(isFiniteNumber)),
  logprobs: nullable(isBoolean),
  top_logprobs: number,
  max_tokens: number,
  max_completion_tokens: number,
  n: number,
  presence_penalty: number,
  response_format: isResponseFormat,
  seed: number,
  stop: isStop,
  temperature: number,
  top_p: number,
  tools: arrayOf(isTool),
  tool_choice: isToolChoice,
  parallel_tool_calls: isBoolean,
  reasoning_effort: nullable(oneOf(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])),
  user: isString,
  metadata: nullable(recordOf(isString)),
  store: nullable(isBoolean),
  service_tier: nullable(oneOf(['auto', 'default', 'flex', 'scale', 'priority', 'fast'])),
  modalities: nullable(arrayOf(oneOf(['text', 'audio']))),
  audio: nullable(isAudio),
  prediction: nullable(isPrediction),
  prompt_cache_key: nullable(isString),
  prompt_cache_retention: nullable(oneOf(['in_memory', '24h'])),
  safety_identifier: nullable(isString),
  verbosity: nullable(oneOf(['low', 'medium', 'high'])),
  web_search_options: isRecord,
  functions: arrayOf(isFunctionDefinition),
  function_call: isFunctionCall,
};
