import {
  APIConnectionError,
  type GeneratedToolCall,
  type GenerateResult,
  type ReasoningDetail,
  type Warning,
} from '@switchyard/core';
import { isRecord, readArray, readString } from '../shared/json-readers.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { readAnthropicErrorPayload } from './read-anthropic-error-payload.js';

const provider = 'anthropic';

const malformed = (reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed message: ${reason}.`, { provider });

interface Collected {
  text: Array<string>;
  reasoning: Array<string>;
  details: Array<ReasoningDetail>;
  toolCalls: Array<GeneratedToolCall>;
  warnings: Array<Warning>;
}

function collectBlock(block: unknown, collected: Collected): void {
  if (!isRecord(block)) throw malformed('a content block is not an object');
  const type = readString(block, 'type');
  switch (type) {
    case 'text': {
      collected.text.push(readString(block, 'text') ?? '');
      const citations = readArray(block, 'citations');
      if (citations !== undefined && citations.length > 0) {
        collected.warnings.push({ type: 'other', message: 'Anthropic citations are not carried.' });
      }
      return;
    }
    case 'thinking': {
      const thinking = readString(block, 'thinking') ?? '';
      const signature = readString(block, 'signature');
      collected.reasoning.push(thinking);
      collected.details.push({
        type: 'reasoning.text',
        text: thinking,
        ...(signature === undefined ? {} : { signature }),
        provider,
      });
      return;
    }
    case 'redacted_thinking': {
      const data = readString(block, 'data');
      if (data === undefined) throw malformed('a redacted_thinking block has no data');
      collected.details.push({ type: 'reasoning.encrypted', data, provider });
      return;
    }
    case 'tool_use': {
      const id = readString(block, 'id');
      const name = readString(block, 'name');
      if (id === undefined || name === undefined) throw malformed('a tool_use block has no id or name');
      // The input is a JSON object on the wire; OpenAI carries arguments as its JSON text.
      collected.toolCalls.push({ id, name, arguments: JSON.stringify(block.input ?? {}) });
      return;
    }
    default:
      // Server tools (web search, code execution…) and blocks added later have no OpenAI shape.
      collected.warnings.push({
        type: 'other',
        message: `Anthropic content block '${type ?? 'unknown'}' is not carried.`,
      });
  }
}

/**
 * Converts a Messages API response of unknown shape. A body that is not a message becomes a typed
 * error: Anthropic's own error when it sent one, else a malformed-response `APIConnectionError`.
 */
export function convertAnthropicMessage(message: unknown): GenerateResult {
  const providerError = readAnthropicErrorPayload(message);
  if (providerError !== undefined) throw providerError;
  if (!isRecord(message)) throw malformed('the body is not a JSON object');
  const content = readArray(message, 'content');
  if (content === undefined) throw malformed('it has no content');

  const collected: Collected = { text: [], reasoning: [], details: [], toolCalls: [], warnings: [] };
  for (const block of content) collectBlock(block, collected);
  const usage = convertAnthropicUsage(message.usage);
  // With thinking display `omitted` the blocks carry only a signature: details, but no reasoning text.
  const reasoning = collected.reasoning.join('');
  const id = readString(message, 'id');
  const model = readString(message, 'model');
  return {
    response: { ...(id === undefined ? {} : { id }), ...(model === undefined ? {} : { model }) },
    choices: [
      {
        index: 0,
        text: collected.text.length === 0 ? null : collected.text.join(''),
        ...(reasoning === '' ? {} : { reasoning }),
        ...(collected.details.length === 0 ? {} : { reasoningDetails: collected.details }),
        refusal: null,
        toolCalls: collected.toolCalls,
        finishReason: mapAnthropicFinishReason(readString(message, 'stop_reason')),
      },
    ],
    ...(usage === undefined ? {} : { usage }),
    warnings: collected.warnings,
  };
}
