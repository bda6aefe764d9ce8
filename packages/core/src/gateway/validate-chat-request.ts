import { BadRequestError } from '../errors/api-error.js';
import { isRecord } from '../internal/is-record.js';
import type { ChatCompletionCreateParams } from '../types/chat-request.js';

/** `model: 'prompt:<name>[@<version|label>]'` names a managed prompt, which a prompts middleware renders. */
export const isPromptModel = (model: string): boolean => model.startsWith('prompt:');

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const PART_TYPES = new Set(['text', 'image_url', 'input_audio', 'file', 'refusal']);
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const REASONING_EFFORTS = new Set(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']);
const TOOL_CHOICE_MODES = new Set(['none', 'auto', 'required']);

type Fields = Record<string, unknown>;

const isObject = isRecord;

const invalid = (param: string, message: string): BadRequestError =>
  new BadRequestError(`Invalid value for '${param}': ${message}`, {
    status: 400,
    param,
    code: 'invalid_value',
  });

const optional = (body: Fields, key: string, type: 'number' | 'boolean' | 'string' | 'object'): void => {
  const value = body[key];
  if (value === undefined || value === null) return;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (actual !== type) throw invalid(key, `expected ${type}, got ${actual}.`);
  if (type === 'number' && !Number.isFinite(value)) throw invalid(key, 'expected a finite number.');
};

const validateContent = (content: unknown, param: string, role: string): void => {
  if (typeof content === 'string' || content === null) return;
  if (!Array.isArray(content)) {
    throw invalid(param, `expected a string or an array of content parts, got ${typeof content}.`);
  }
  content.forEach((part, index) => {
    const partParam = `${param}[${index}]`;
    if (!isObject(part) || typeof part.type !== 'string' || !PART_TYPES.has(part.type)) {
      throw invalid(`${partParam}.type`, `expected one of ${[...PART_TYPES].join(', ')}.`);
    }
    if (part.type === 'text' && typeof part.text !== 'string')
      throw invalid(`${partParam}.text`, 'expected a string.');
    if (part.type === 'image_url' && (!isObject(part.image_url) || typeof part.image_url.url !== 'string')) {
      throw invalid(`${partParam}.image_url.url`, 'expected a string (an https URL or a data: URL).');
    }
    if (
      part.type === 'input_audio' &&
      (!isObject(part.input_audio) ||
        typeof part.input_audio.data !== 'string' ||
        typeof part.input_audio.format !== 'string')
    ) {
      throw invalid(`${partParam}.input_audio`, 'expected an object with `data` and `format` strings.');
    }
    if (part.type === 'file' && !isObject(part.file)) {
      throw invalid(`${partParam}.file`, 'expected an object with `file_data`, `file_id` or `filename`.');
    }
    if (part.type === 'refusal' && typeof part.refusal !== 'string') {
      throw invalid(`${partParam}.refusal`, 'expected a string.');
    }
    if (part.type !== 'text' && role !== 'user' && !(role === 'assistant' && part.type === 'refusal')) {
      throw invalid(`${partParam}.type`, `'${part.type}' parts are only allowed in user messages.`);
    }
  });
};

/** A tool call's `function` or `custom` member: a string `name` and string `arguments` (or `input`). */
const validateNamed = (value: unknown, param: string, payload: 'arguments' | 'input'): void => {
  if (!isObject(value) || typeof value.name !== 'string')
    throw invalid(`${param}.name`, 'expected a string.');
  if (typeof value[payload] !== 'string') throw invalid(`${param}.${payload}`, 'expected a string.');
};

const validateMessage = (message: unknown, index: number): void => {
  const param = `messages[${index}]`;
  if (!isObject(message)) throw invalid(param, 'expected a message object with `role` and `content`.');
  const { role } = message;
  if (typeof role !== 'string' || !ROLES.has(role)) {
    throw invalid(`${param}.role`, `expected one of ${[...ROLES].join(', ')}, got ${JSON.stringify(role)}.`);
  }
  const hasToolCalls =
    role === 'assistant' && Array.isArray(message.tool_calls) && message.tool_calls.length > 0;
  // Only assistant and function messages may have `null` content.
  if (message.content == null && role !== 'assistant' && !(role === 'function' && message.content === null)) {
    throw invalid(`${param}.content`, `${role} messages need \`content\`.`);
  }
  if (role === 'assistant' && message.content == null && !hasToolCalls && message.function_call == null) {
    throw invalid(`${param}.content`, 'assistant messages need `content` or `tool_calls`.');
  }
  validateContent(message.content ?? null, `${param}.content`, role);
  if (role === 'tool' && typeof message.tool_call_id !== 'string') {
    throw invalid(`${param}.tool_call_id`, 'tool messages need the `tool_call_id` they answer.');
  }
  if (message.tool_calls !== undefined) {
    if (!Array.isArray(message.tool_calls)) throw invalid(`${param}.tool_calls`, 'expected an array.');
    message.tool_calls.forEach((call, callIndex) => {
      const callParam = `${param}.tool_calls[${callIndex}]`;
      if (!isObject(call) || typeof call.id !== 'string')
        throw invalid(`${callParam}.id`, 'expected a string.');
      if (call.type === 'function') validateNamed(call.function, `${callParam}.function`, 'arguments');
      else if (call.type === 'custom') validateNamed(call.custom, `${callParam}.custom`, 'input');
      else throw invalid(`${callParam}.type`, "expected 'function' or 'custom'.");
    });
  }
  if (message.refusal != null && typeof message.refusal !== 'string') {
    throw invalid(`${param}.refusal`, 'expected a string or null.');
  }
  if (message.function_call != null)
    validateNamed(message.function_call, `${param}.function_call`, 'arguments');
};

const validateTools = (tools: unknown): void => {
  if (tools === undefined) return;
  if (!Array.isArray(tools)) throw invalid('tools', 'expected an array of tools.');
  tools.forEach((tool, index) => {
    const param = `tools[${index}]`;
    if (!isObject(tool)) throw invalid(param, 'expected a tool object.');
    if (tool.type === 'custom') {
      if (!isObject(tool.custom) || typeof tool.custom.name !== 'string' || tool.custom.name === '') {
        throw invalid(`${param}.custom.name`, 'every tool needs a name.');
      }
      return;
    }
    if (tool.type !== 'function') throw invalid(`${param}.type`, "expected 'function' or 'custom'.");
    if (!isObject(tool.function)) throw invalid(`${param}.function`, 'expected an object with `name`.');
    const { name } = tool.function;
    if (typeof name !== 'string' || name === '')
      throw invalid(`${param}.function.name`, 'every tool needs a name.');
    if (!TOOL_NAME.test(name)) {
      throw invalid(`${param}.function.name`, 'use 1-64 characters from a-z, A-Z, 0-9, _ and -.');
    }
    if (tool.function.parameters !== undefined && !isObject(tool.function.parameters)) {
      throw invalid(`${param}.function.parameters`, 'expected a JSON Schema object.');
    }
  });
};

const validateToolChoice = (choice: unknown): void => {
  if (choice === undefined) return;
  if (typeof choice === 'string' && TOOL_CHOICE_MODES.has(choice)) return;
  if (!isObject(choice)) {
    throw invalid('tool_choice', "expected 'none', 'auto', 'required' or an object naming a tool.");
  }
  if (choice.type === 'function' || choice.type === 'custom') {
    const named = choice[choice.type];
    if (!isObject(named) || typeof named.name !== 'string') {
      throw invalid(`tool_choice.${choice.type}.name`, 'expected a string.');
    }
    return;
  }
  if (choice.type === 'allowed_tools') {
    if (!isObject(choice.allowed_tools) || !Array.isArray(choice.allowed_tools.tools)) {
      throw invalid('tool_choice.allowed_tools', 'expected an object with `mode` and a `tools` array.');
    }
    return;
  }
  throw invalid('tool_choice.type', "expected 'function', 'custom' or 'allowed_tools'.");
};

/**
 * Checks the shape of a Chat Completions body before any provider is called, so a malformed request
 * fails fast with a `BadRequestError` whose `param` names the field.
 */
export function validateChatRequest(body: unknown): asserts body is ChatCompletionCreateParams {
  if (!isObject(body)) throw invalid('body', 'expected a JSON object.');
  if (typeof body.model !== 'string' || body.model === '') {
    throw invalid('model', 'expected a non-empty string (a route name, `provider/model`, or a model).');
  }
  // A prompt-addressed request may bring no messages of its own: the prompt supplies them.
  if (!Array.isArray(body.messages) || (body.messages.length === 0 && !isPromptModel(body.model))) {
    throw invalid('messages', 'expected a non-empty array of messages.');
  }
  body.messages.forEach(validateMessage);
  validateTools(body.tools);
  validateToolChoice(body.tool_choice);
  for (const key of ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'n', 'seed'] as const) {
    optional(body, key, 'number');
  }
  for (const key of ['frequency_penalty', 'presence_penalty', 'top_logprobs'] as const)
    optional(body, key, 'number');
  for (const key of ['stream', 'logprobs', 'parallel_tool_calls'] as const) optional(body, key, 'boolean');
  optional(body, 'user', 'string');
  const effort = body.reasoning_effort;
  if (effort != null && (typeof effort !== 'string' || !REASONING_EFFORTS.has(effort))) {
    throw invalid('reasoning_effort', `expected one of ${[...REASONING_EFFORTS].join(', ')}.`);
  }
  for (const key of ['stream_options', 'response_format', 'logit_bias'] as const)
    optional(body, key, 'object');
  // Unlike most fields, `response_format` has no `null` form: providers read a present value as an object.
  if (body.response_format === null) throw invalid('response_format', 'expected an object, not null.');
  if (body.n != null && (!Number.isInteger(body.n) || Number(body.n) < 1)) {
    throw invalid('n', 'expected a positive integer.');
  }
  const { stop } = body;
  if (
    stop != null &&
    typeof stop !== 'string' &&
    !(Array.isArray(stop) && stop.every((s) => typeof s === 'string'))
  ) {
    throw invalid('stop', 'expected a string or an array of strings.');
  }
  const format = body.response_format;
  if (isObject(format) && format.type === 'json_schema' && !isObject(format.json_schema)) {
    throw invalid('response_format.json_schema', 'expected an object with `name` and `schema`.');
  }
}
