import {
  APIConnectionError,
  type GeneratedToolCall,
  type GenerateResult,
  type Warning,
} from '@switchyard/core';
import { isRecord, readArray, readRecord, readString } from '../shared/json-readers.js';
import { cohereGenerationError } from './cohere-generation-error.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed chat response: ${reason}.`, { provider });

function convertToolCall(value: unknown, provider: string): GeneratedToolCall {
  const fn = isRecord(value) ? readRecord(value, 'function') : undefined;
  const name = fn === undefined ? undefined : readString(fn, 'name');
  if (!isRecord(value) || fn === undefined || name === undefined)
    throw malformed(provider, 'a tool call has no name');
  return {
    id: readString(value, 'id') ?? `call_${crypto.randomUUID()}`,
    name,
    // Cohere sends no arguments for a tool without parameters.
    arguments: readString(fn, 'arguments') ?? '{}',
  };
}

/**
 * A Cohere v2 chat response (parsed by the SDK, not validated) in neutral form. `thinking` content and the
 * `tool_plan` (Cohere's stated plan before calling tools) are reasoning; `text` content is the answer.
 */
export function convertCohereChatResponse(response: unknown, provider: string): GenerateResult {
  if (!isRecord(response)) throw malformed(provider, 'the body is not a JSON object');
  const message = readRecord(response, 'message');
  if (message === undefined) throw malformed(provider, 'it has no message');
  const finishReason = readString(response, 'finishReason');
  const failure = cohereGenerationError(provider, finishReason, response);
  if (failure !== undefined) throw failure;

  let text = '';
  let thinking = '';
  for (const item of readArray(message, 'content') ?? []) {
    if (!isRecord(item)) continue;
    text += readString(item, 'text') ?? '';
    thinking += readString(item, 'thinking') ?? '';
  }
  const reasoning = [thinking, readString(message, 'toolPlan') ?? '']
    .filter((part) => part !== '')
    .join('\n\n');
  const toolCalls = (readArray(message, 'toolCalls') ?? []).map((call) => convertToolCall(call, provider));
  const warnings: Array<Warning> = [];
  if ((readArray(message, 'citations') ?? []).length > 0) {
    warnings.push({ type: 'other', message: `${provider} citations are not carried.` });
  }
  const usage = convertCohereUsage(response.usage);
  const id = readString(response, 'id');
  return {
    response: id === undefined ? {} : { id },
    choices: [
      {
        index: 0,
        text: text === '' && toolCalls.length > 0 ? null : text,
        ...(reasoning === '' ? {} : { reasoning }),
        refusal: null,
        toolCalls,
        finishReason: mapCohereFinishReason(finishReason),
      },
    ],
    ...(usage === undefined ? {} : { usage }),
    warnings,
  };
}
