import type {
  CompletionChunk,
  CompletionResponseStreamChoice,
  ToolCall,
} from '@mistralai/mistralai/models/components';
import { APIConnectionError, type CompletionUsage, type StreamPart } from '@switchyard/core';
import { readMistralArguments, readMistralToolCallId } from './convert-mistral-tool-call.js';
import { convertMistralUsage } from './convert-mistral-usage.js';
import { mapMistralFinishReason } from './map-mistral-finish-reason.js';
import { mistralGenerationError } from './mistral-generation-error.js';
import { readMistralContent } from './read-mistral-content.js';

interface ChoiceState {
  /** Neutral tool call index by wire id, and by wire `index` (for deltas that continue a call without an id). */
  readonly byId: Map<string, number>;
  readonly byWireIndex: Map<number, number>;
  /** Calls started so far; their neutral index is their position here. */
  readonly started: Array<{ id: string; name: string }>;
  /** Thinking text since the last signature: a signature closes (and signs) the text before it. */
  thinking: string;
  finished: boolean;
}

/** What the mapper remembers between chunks of one stream. */
export interface MistralStreamState {
  readonly provider: string;
  metadataSent: boolean;
  /** The usage of the final chunk; emitted once, when the stream ends. */
  usage: CompletionUsage | undefined;
  readonly choices: Map<number, ChoiceState>;
}

export function createMistralStreamState(provider: string): MistralStreamState {
  return { provider, metadataSent: false, usage: undefined, choices: new Map() };
}

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed stream: ${reason}.`, { provider });

const choiceField = (index: number): { choice?: number } => (index === 0 ? {} : { choice: index });

/**
 * Mistral usually streams each tool call whole, in one delta without `index` (the SDK then reports 0),
 * and parallel calls as separate entries; some models stream a call in pieces where only the first
 * carries the id. A delta with a new id starts a call; one without an id continues the call at its
 * wire index. Neutral indices are 0, 1, … in order of appearance.
 */
function mapToolCallDelta(
  state: MistralStreamState,
  choice: ChoiceState,
  choiceIndex: number,
  call: ToolCall,
): Array<StreamPart> {
  const at = choiceField(choiceIndex);
  const wireId = readMistralToolCallId(call);
  let index = wireId === undefined ? choice.byWireIndex.get(call.index ?? 0) : choice.byId.get(wireId);
  const parts: Array<StreamPart> = [];
  if (index === undefined) {
    const name = call.function.name;
    if (name === '') throw malformed(state.provider, 'a tool call started without a name');
    const id = wireId ?? crypto.randomUUID().replaceAll('-', '').slice(0, 9);
    index = choice.started.length;
    choice.started.push({ id, name });
    choice.byId.set(id, index);
    choice.byWireIndex.set(call.index ?? 0, index);
    parts.push({ type: 'tool-call-start', index, id, name, ...at });
  }
  const fragment = readMistralArguments(call);
  if (fragment !== '') parts.push({ type: 'tool-call-delta', index, argumentsDelta: fragment, ...at });
  return parts;
}

function mapChoice(
  state: MistralStreamState,
  chunk: CompletionChunk,
  value: CompletionResponseStreamChoice,
): Array<StreamPart> {
  const choice = state.choices.get(value.index) ?? {
    byId: new Map(),
    byWireIndex: new Map(),
    started: [],
    thinking: '',
    finished: false,
  };
  state.choices.set(value.index, choice);
  const at = choiceField(value.index);
  const parts: Array<StreamPart> = [];
  const { text, reasoning, signed } = readMistralContent(value.delta.content);
  if (reasoning !== '') parts.push({ type: 'reasoning-delta', delta: reasoning, ...at });
  choice.thinking += reasoning;
  const signature = signed.at(-1)?.signature;
  if (signature !== undefined) {
    // Streamed thinking arrives in pieces; the signature covers all of it, so the detail carries the whole text.
    const detail = { type: 'reasoning.text' as const, text: choice.thinking, signature, provider: 'mistral' };
    parts.push({ type: 'reasoning-details', details: [detail], ...at });
    choice.thinking = '';
  }
  if (text !== '') parts.push({ type: 'text-delta', delta: text, ...at });
  for (const call of value.delta.toolCalls ?? [])
    parts.push(...mapToolCallDelta(state, choice, value.index, call));

  const finishReason = value.finishReason;
  if (finishReason !== null && !choice.finished) {
    if (finishReason === 'error') throw mistralGenerationError(state.provider, chunk);
    choice.finished = true;
    // Mistral never closes a tool call explicitly; the choice finishing is what ends its calls.
    choice.started.forEach((_, index) => {
      parts.push({ type: 'tool-call-end', index, ...at });
    });
    parts.push({ type: 'finish', reason: mapMistralFinishReason(finishReason), ...at });
  }
  return parts;
}

/** Maps one SDK-parsed chunk to neutral parts, updating `state`. Throws a typed error the caller turns into an `error` part. */
export function mapMistralStreamChunk(state: MistralStreamState, chunk: CompletionChunk): Array<StreamPart> {
  const parts: Array<StreamPart> = [];
  if (!state.metadataSent) {
    state.metadataSent = true;
    parts.push({
      type: 'response-metadata',
      id: chunk.id,
      model: chunk.model,
      ...(chunk.created === undefined ? {} : { created: chunk.created }),
    });
  }
  const usage = convertMistralUsage(chunk.usage);
  if (usage !== undefined) state.usage = usage;
  for (const choice of chunk.choices) parts.push(...mapChoice(state, chunk, choice));
  return parts;
}

/**
 * The parts that close the stream: the usage, once, or an error when the stream ended before every
 * choice finished (a truncated stream must not pass for a complete answer).
 */
export function flushMistralStream(state: MistralStreamState): Array<StreamPart> {
  const unfinished = [...state.choices.values()].some((choice) => !choice.finished);
  if (state.choices.size === 0 || unfinished) {
    return [{ type: 'error', error: malformed(state.provider, 'it ended before a finish_reason') }];
  }
  return state.usage === undefined ? [] : [{ type: 'usage', usage: state.usage }];
}
