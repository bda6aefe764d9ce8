import { APIConnectionError, type CompletionUsage, type StreamPart } from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord, readString } from '../shared/json-readers.js';
import { convertOpenAIUsage } from './convert-openai-usage.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAILogprobs } from './map-openai-logprobs.js';
import { readOpenAIErrorPayload } from './read-openai-error-payload.js';
import { readReasoning } from './read-reasoning.js';

interface ChoiceState {
  /** Tool calls started so far, by their wire `index`. */
  readonly toolCalls: Map<number, { id: string; name: string }>;
  finished: boolean;
}

/** What the mapper remembers between chunks of one stream. */
export interface OpenAIStreamState {
  readonly provider: string;
  metadataSent: boolean;
  /** The latest usage seen; emitted once, when the stream ends. */
  usage: CompletionUsage | undefined;
  readonly choices: Map<number, ChoiceState>;
}

export function createOpenAIStreamState(provider: string): OpenAIStreamState {
  return { provider, metadataSent: false, usage: undefined, choices: new Map() };
}

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed stream: ${reason}.`, { provider });

/** Parts carry `choice` only when it is not the default 0, as the StreamPart contract allows. */
const choiceField = (index: number): { choice?: number } => (index === 0 ? {} : { choice: index });

/** Argument fragments are strings on the wire; a few servers send a whole object at once. */
const readArgumentsFragment = (fn: Record<string, unknown> | undefined): string | undefined => {
  const value = fn?.arguments ?? fn?.input;
  if (typeof value === 'string') return value;
  return isRecord(value) ? JSON.stringify(value) : undefined;
};

function responseMetadata(chunk: Record<string, unknown>): StreamPart | undefined {
  const id = readString(chunk, 'id');
  const created = readNumber(chunk, 'created');
  const model = readString(chunk, 'model');
  const systemFingerprint = readString(chunk, 'system_fingerprint');
  if (id === undefined && created === undefined && model === undefined) return undefined;
  return {
    type: 'response-metadata',
    ...(id === undefined ? {} : { id }),
    ...(created === undefined ? {} : { created }),
    ...(model === undefined ? {} : { model }),
    ...(systemFingerprint === undefined ? {} : { systemFingerprint }),
  };
}

function mapToolCallDelta(
  state: OpenAIStreamState,
  choice: ChoiceState,
  choiceIndex: number,
  value: unknown,
  position: number,
): Array<StreamPart> {
  if (!isRecord(value)) throw malformed(state.provider, 'a tool call delta is not an object');
  // Parallel calls are told apart by `index`, not by array position (each delta usually holds one).
  const index = readNumber(value, 'index') ?? position;
  const fn = readRecord(value, 'function') ?? readRecord(value, 'custom');
  const parts: Array<StreamPart> = [];
  if (!choice.toolCalls.has(index)) {
    const name = fn === undefined ? undefined : readString(fn, 'name');
    if (!name) throw malformed(state.provider, `tool call ${index} started without a name`);
    const id = readString(value, 'id') ?? `call_${crypto.randomUUID()}`;
    choice.toolCalls.set(index, { id, name });
    parts.push({ type: 'tool-call-start', index, id, name, ...choiceField(choiceIndex) });
  }
  const fragment = readArgumentsFragment(fn);
  if (fragment)
    parts.push({ type: 'tool-call-delta', index, argumentsDelta: fragment, ...choiceField(choiceIndex) });
  return parts;
}

function mapChoice(state: OpenAIStreamState, value: unknown, position: number): Array<StreamPart> {
  if (!isRecord(value)) throw malformed(state.provider, 'a choice is not an object');
  const index = readNumber(value, 'index') ?? position;
  const choice = state.choices.get(index) ?? { toolCalls: new Map(), finished: false };
  state.choices.set(index, choice);
  const at = choiceField(index);
  const parts: Array<StreamPart> = [];

  const delta = readRecord(value, 'delta');
  if (delta !== undefined) {
    const reasoning = readReasoning(delta);
    if (reasoning) parts.push({ type: 'reasoning-delta', delta: reasoning, ...at });
    const text = readString(delta, 'content');
    if (text) parts.push({ type: 'text-delta', delta: text, ...at });
    const refusal = readString(delta, 'refusal');
    if (refusal) parts.push({ type: 'refusal-delta', delta: refusal, ...at });
    (readArray(delta, 'tool_calls') ?? []).forEach((call, callPosition) => {
      parts.push(...mapToolCallDelta(state, choice, index, call, callPosition));
    });
  }

  const logprobs = mapOpenAILogprobs(value.logprobs);
  if (logprobs !== undefined && (logprobs.content?.length ?? 0) + (logprobs.refusal?.length ?? 0) > 0) {
    parts.push({ type: 'logprobs', logprobs, ...at });
  }

  const finishReason = readString(value, 'finish_reason');
  if (finishReason !== undefined && !choice.finished) {
    choice.finished = true;
    // OpenAI never closes a tool call explicitly; the choice finishing is what ends its calls.
    for (const callIndex of [...choice.toolCalls.keys()].sort((a, b) => a - b)) {
      parts.push({ type: 'tool-call-end', index: callIndex, ...at });
    }
    parts.push({ type: 'finish', reason: mapOpenAIFinishReason(finishReason), ...at });
  }
  return parts;
}

/**
 * Maps one SDK chunk object (of unknown shape) to neutral stream parts, updating `state`.
 * Throws a typed error for a chunk that cannot be read; the caller turns it into an `error` part.
 */
export function mapOpenAIStreamChunk(state: OpenAIStreamState, chunk: unknown): Array<StreamPart> {
  if (!isRecord(chunk)) throw malformed(state.provider, 'an event is not a JSON object');
  const providerError = readOpenAIErrorPayload(chunk, state.provider);
  if (providerError !== undefined) throw providerError;

  const parts: Array<StreamPart> = [];
  if (!state.metadataSent) {
    const metadata = responseMetadata(chunk);
    if (metadata !== undefined) {
      parts.push(metadata);
      state.metadataSent = true;
    }
  }
  // OpenAI sends `usage: null` on every chunk and the totals on the last one (`choices: []`).
  const usage = convertOpenAIUsage(chunk.usage);
  if (usage !== undefined) state.usage = usage;
  (readArray(chunk, 'choices') ?? []).forEach((choice, position) => {
    parts.push(...mapChoice(state, choice, position));
  });
  return parts;
}

/**
 * The parts that close the stream: the usage, once, or an error when the stream ended before every
 * choice finished (a truncated stream must not pass for a complete answer).
 */
export function flushOpenAIStream(state: OpenAIStreamState): Array<StreamPart> {
  const unfinished = [...state.choices.values()].some((choice) => !choice.finished);
  if (state.choices.size === 0 || unfinished) {
    return [{ type: 'error', error: malformed(state.provider, 'it ended before a finish_reason') }];
  }
  return state.usage === undefined ? [] : [{ type: 'usage', usage: state.usage }];
}
