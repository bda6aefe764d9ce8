import { APIConnectionError, type CompletionUsage, type StreamPart } from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord, readString } from '../shared/json-readers.js';
import { readGoogleBlockReason, readGoogleResponseInfo } from './convert-google-response.js';
import { convertGoogleUsage } from './convert-google-usage.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { mapGoogleLogprobs } from './map-google-logprobs.js';
import {
  closeGoogleThought,
  createGooglePartState,
  type GooglePartEvent,
  type GooglePartState,
  readGooglePart,
} from './read-google-part.js';

interface ChoiceState {
  readonly parts: GooglePartState;
  finished: boolean;
}

/** What the mapper remembers between chunks of one `streamGenerateContent` response. */
export interface GoogleStreamState {
  readonly provider: string;
  metadataSent: boolean;
  /** Gemini repeats the running usage on every chunk; the last one is emitted once, at the end. */
  usage: CompletionUsage | undefined;
  readonly choices: Map<number, ChoiceState>;
}

export function createGoogleStreamState(provider: string): GoogleStreamState {
  return { provider, metadataSent: false, usage: undefined, choices: new Map() };
}

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed stream: ${reason}.`, { provider });

/** Parts carry `choice` only when it is not the default 0, as the StreamPart contract allows. */
const choiceField = (index: number): { choice?: number } => (index === 0 ? {} : { choice: index });

function toStreamParts(event: GooglePartEvent, index: number, source: unknown): Array<StreamPart> {
  const at = choiceField(index);
  switch (event.type) {
    case 'text':
      return [{ type: 'text-delta', delta: event.delta, ...at }];
    case 'reasoning':
      return [{ type: 'reasoning-delta', delta: event.delta, ...at }];
    case 'tool-call':
      // Gemini streams each function call whole, so it starts, carries all its arguments and ends at once.
      return [
        { type: 'tool-call-start', index: event.index, id: event.id, name: event.name, ...at },
        { type: 'tool-call-delta', index: event.index, argumentsDelta: event.arguments, ...at },
        { type: 'tool-call-end', index: event.index, ...at },
      ];
    case 'reasoning-detail':
      return [{ type: 'reasoning-details', details: [event.detail], ...at }];
    case 'not-carried':
      // Stream warnings are fixed before the first part; the part itself stays visible to raw consumers.
      return [{ type: 'raw', value: source }];
    default: {
      const unexpected: never = event;
      throw new Error(`Unknown part event ${JSON.stringify(unexpected)}`);
    }
  }
}

function mapCandidate(state: GoogleStreamState, value: unknown, position: number): Array<StreamPart> {
  if (!isRecord(value)) throw malformed(state.provider, 'a candidate is not an object');
  const index = readNumber(value, 'index') ?? position;
  const choice = state.choices.get(index) ?? {
    parts: createGooglePartState(state.provider),
    finished: false,
  };
  state.choices.set(index, choice);
  const parts: Array<StreamPart> = [];
  const content = readRecord(value, 'content');
  for (const part of (content === undefined ? undefined : readArray(content, 'parts')) ?? []) {
    for (const event of readGooglePart(choice.parts, part)) parts.push(...toStreamParts(event, index, part));
  }
  const logprobs = mapGoogleLogprobs(value.logprobsResult);
  if (logprobs !== undefined && (logprobs.content?.length ?? 0) > 0) {
    parts.push({ type: 'logprobs', logprobs, ...choiceField(index) });
  }
  const finishReason = readString(value, 'finishReason');
  if (finishReason !== undefined && !choice.finished) {
    choice.finished = true;
    for (const event of closeGoogleThought(choice.parts))
      parts.push(...toStreamParts(event, index, undefined));
    parts.push({
      type: 'finish',
      reason: mapGoogleFinishReason(finishReason, choice.parts.toolCalls > 0),
      ...choiceField(index),
    });
  }
  return parts;
}

/**
 * Maps one streamed `GenerateContentResponse` (of unknown shape) to neutral parts, updating `state`.
 * Throws a typed error for a chunk that cannot be read; the caller turns it into an `error` part.
 */
export function mapGoogleStreamChunk(state: GoogleStreamState, chunk: unknown): Array<StreamPart> {
  if (!isRecord(chunk)) throw malformed(state.provider, 'an event is not a JSON object');
  const parts: Array<StreamPart> = [];
  if (!state.metadataSent) {
    state.metadataSent = true;
    parts.push({ type: 'response-metadata', ...readGoogleResponseInfo(chunk) });
  }
  const usage = convertGoogleUsage(chunk.usageMetadata);
  if (usage !== undefined) state.usage = usage;
  (readArray(chunk, 'candidates') ?? []).forEach((candidate, position) => {
    parts.push(...mapCandidate(state, candidate, position));
  });
  const blockReason = readGoogleBlockReason(chunk);
  if (blockReason !== undefined && state.choices.size === 0) {
    // A blocked prompt streams one chunk with the block reason and no candidates.
    state.choices.set(0, { parts: createGooglePartState(state.provider), finished: true });
    parts.push({ type: 'finish', reason: { unified: 'content_filter', raw: blockReason } });
  }
  return parts;
}

/**
 * The parts that close the stream: the usage, once, or an error when the stream ended before every
 * candidate finished (a truncated stream must not pass for a complete answer).
 */
export function flushGoogleStream(state: GoogleStreamState): Array<StreamPart> {
  const unfinished = [...state.choices.values()].some((choice) => !choice.finished);
  if (state.choices.size === 0 || unfinished) {
    return [{ type: 'error', error: malformed(state.provider, 'it ended before a finishReason') }];
  }
  return state.usage === undefined ? [] : [{ type: 'usage', usage: state.usage }];
}
