import { APIConnectionError, type CompletionUsage, type StreamPart } from '@switchyard/core';
import { isRecord, readNumber, readRecord, readString } from '../shared/json-readers.js';
import { cohereGenerationError } from './cohere-generation-error.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

/** What the mapper remembers between events of one stream. */
export interface CohereStreamState {
  readonly provider: string;
  /** Neutral tool call index (0, 1, … in order of appearance) by the event's wire `index`. */
  readonly toolCalls: Map<number, { index: number; ended: boolean }>;
  usage: CompletionUsage | undefined;
  finished: boolean;
}

export function createCohereStreamState(provider: string): CohereStreamState {
  return { provider, toolCalls: new Map(), usage: undefined, finished: false };
}

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed stream: ${reason}.`, { provider });

/** `delta.message` of an event, where Cohere puts every payload. */
const deltaMessage = (event: Record<string, unknown>): Record<string, unknown> | undefined => {
  const delta = readRecord(event, 'delta');
  return delta === undefined ? undefined : readRecord(delta, 'message');
};

function contentParts(event: Record<string, unknown>): Array<StreamPart> {
  const content = readRecord(deltaMessage(event) ?? {}, 'content');
  if (content === undefined) return [];
  const parts: Array<StreamPart> = [];
  const thinking = readString(content, 'thinking');
  if (thinking) parts.push({ type: 'reasoning-delta', delta: thinking });
  const text = readString(content, 'text');
  if (text) parts.push({ type: 'text-delta', delta: text });
  return parts;
}

function toolCallStart(state: CohereStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const wireIndex = readNumber(event, 'index') ?? state.toolCalls.size;
  const call = readRecord(deltaMessage(event) ?? {}, 'toolCalls');
  const fn = call === undefined ? undefined : readRecord(call, 'function');
  const name = fn === undefined ? undefined : readString(fn, 'name');
  if (call === undefined || !name) throw malformed(state.provider, 'a tool call started without a name');
  const index = state.toolCalls.size;
  state.toolCalls.set(wireIndex, { index, ended: false });
  const id = readString(call, 'id') ?? `call_${crypto.randomUUID()}`;
  const args = fn === undefined ? undefined : readString(fn, 'arguments');
  return [
    { type: 'tool-call-start', index, id, name },
    ...(args ? [{ type: 'tool-call-delta' as const, index, argumentsDelta: args }] : []),
  ];
}

function toolCallDelta(state: CohereStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const known = state.toolCalls.get(readNumber(event, 'index') ?? -1);
  if (known === undefined) throw malformed(state.provider, 'a tool call delta arrived before its start');
  const call = readRecord(deltaMessage(event) ?? {}, 'toolCalls');
  const fn = call === undefined ? undefined : readRecord(call, 'function');
  const args = fn === undefined ? undefined : readString(fn, 'arguments');
  return args ? [{ type: 'tool-call-delta', index: known.index, argumentsDelta: args }] : [];
}

function toolCallEnd(state: CohereStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const known = state.toolCalls.get(readNumber(event, 'index') ?? -1);
  if (known === undefined || known.ended) return [];
  known.ended = true;
  return [{ type: 'tool-call-end', index: known.index }];
}

function messageEnd(state: CohereStreamState, event: Record<string, unknown>): Array<StreamPart> {
  if (state.finished) return [];
  const delta = readRecord(event, 'delta') ?? {};
  const finishReason = readString(delta, 'finishReason');
  const failure = cohereGenerationError(state.provider, finishReason, event, readString(delta, 'error'));
  if (failure !== undefined) throw failure;
  state.finished = true;
  state.usage = convertCohereUsage(delta.usage);
  // Calls Cohere did not close explicitly end with the message.
  const parts: Array<StreamPart> = [...state.toolCalls.values()]
    .filter((call) => !call.ended)
    .map((call) => ({ type: 'tool-call-end', index: call.index }));
  parts.push({ type: 'finish', reason: mapCohereFinishReason(finishReason) });
  return parts;
}

/**
 * Maps one Cohere v2 stream event (as the SDK parses it, unvalidated) to neutral parts, updating `state`.
 * The `tool_plan` streams as reasoning, like `thinking` content. Throws a typed error for an event that
 * cannot be read or reports a failure; the caller turns it into an `error` part.
 */
export function mapCohereStreamEvent(state: CohereStreamState, event: unknown): Array<StreamPart> {
  if (!isRecord(event)) throw malformed(state.provider, 'an event is not a JSON object');
  const type = readString(event, 'type');
  switch (type) {
    case 'message-start': {
      const id = readString(event, 'id');
      return id === undefined ? [] : [{ type: 'response-metadata', id }];
    }
    case 'content-start':
    case 'content-delta':
      return contentParts(event);
    case 'tool-plan-delta': {
      const plan = readString(deltaMessage(event) ?? {}, 'toolPlan');
      return plan ? [{ type: 'reasoning-delta', delta: plan }] : [];
    }
    case 'tool-call-start':
      return toolCallStart(state, event);
    case 'tool-call-delta':
      return toolCallDelta(state, event);
    case 'tool-call-end':
      return toolCallEnd(state, event);
    case 'message-end':
      return messageEnd(state, event);
    // Block boundaries, citations (only with documents, which this adapter never sends) and debug events carry nothing to map.
    default:
      return [];
  }
}

/**
 * The parts that close the stream: the usage, once, or an error when the stream ended without
 * `message-end` (a truncated stream must not pass for a complete answer).
 */
export function flushCohereStream(state: CohereStreamState): Array<StreamPart> {
  if (!state.finished)
    return [{ type: 'error', error: malformed(state.provider, 'it ended before message-end') }];
  return state.usage === undefined ? [] : [{ type: 'usage', usage: state.usage }];
}
