import { APIConnectionError, type StreamPart } from '@switchyard/core';
import { isRecord, readNumber, readRecord, readString } from '../shared/json-readers.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { readAnthropicErrorPayload } from './read-anthropic-error-payload.js';

const provider = 'anthropic';

type BlockState =
  | { kind: 'text' | 'other' }
  | { kind: 'thinking'; text: string; signature: string | undefined }
  | { kind: 'tool'; index: number; input: unknown; argumentsSent: boolean };

/** What the mapper remembers between events of one stream. */
export interface AnthropicStreamState {
  /** Content blocks by their wire `index`. */
  readonly blocks: Map<number, BlockState>;
  /** Tool calls started so far: the next call's OpenAI `index`. */
  toolCalls: number;
  /** Usage as reported so far: `message_start`'s, overlaid with each `message_delta`'s non-null counts. */
  usage: Record<string, unknown>;
  stopReason: string | undefined;
  /** `message_stop` arrived: the answer is complete. */
  stopped: boolean;
}

export function createAnthropicStreamState(): AnthropicStreamState {
  return { blocks: new Map(), toolCalls: 0, usage: {}, stopReason: undefined, stopped: false };
}

const malformed = (reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed stream: ${reason}.`, { provider });

const raw = (event: Record<string, unknown>): StreamPart => ({ type: 'raw', value: event });

function blockAt(state: AnthropicStreamState, event: Record<string, unknown>): [number, BlockState] {
  const index = readNumber(event, 'index');
  const block = index === undefined ? undefined : state.blocks.get(index);
  if (index === undefined || block === undefined)
    throw malformed(`${String(event.type)} for a block that never started`);
  return [index, block];
}

function startMessage(state: AnthropicStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const message = readRecord(event, 'message');
  if (message === undefined) throw malformed('message_start has no message');
  state.usage = { ...readRecord(message, 'usage') };
  const id = readString(message, 'id');
  const model = readString(message, 'model');
  return [
    {
      type: 'response-metadata',
      ...(id === undefined ? {} : { id }),
      ...(model === undefined ? {} : { model }),
    },
  ];
}

function startBlock(state: AnthropicStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const index = readNumber(event, 'index');
  const block = readRecord(event, 'content_block');
  if (index === undefined || block === undefined)
    throw malformed('content_block_start without index or block');
  switch (readString(block, 'type')) {
    case 'text': {
      state.blocks.set(index, { kind: 'text' });
      const text = readString(block, 'text');
      return text ? [{ type: 'text-delta', delta: text }] : [];
    }
    case 'thinking': {
      const text = readString(block, 'thinking') ?? '';
      state.blocks.set(index, {
        kind: 'thinking',
        text,
        signature: readString(block, 'signature') || undefined,
      });
      return text ? [{ type: 'reasoning-delta', delta: text }] : [];
    }
    case 'redacted_thinking': {
      state.blocks.set(index, { kind: 'other' });
      const data = readString(block, 'data');
      if (data === undefined) throw malformed('a redacted_thinking block has no data');
      return [{ type: 'reasoning-details', details: [{ type: 'reasoning.encrypted', data, provider }] }];
    }
    case 'tool_use': {
      const id = readString(block, 'id');
      const name = readString(block, 'name');
      if (!id || !name) throw malformed(`tool_use block ${index} has no id or name`);
      // OpenAI numbers tool calls 0, 1, … in order of appearance, whatever blocks come between.
      const toolIndex = state.toolCalls;
      state.toolCalls += 1;
      state.blocks.set(index, { kind: 'tool', index: toolIndex, input: block.input, argumentsSent: false });
      return [{ type: 'tool-call-start', index: toolIndex, id, name }];
    }
    default:
      // Server tool blocks and blocks added later: passed on as raw events, not dropped unseen.
      state.blocks.set(index, { kind: 'other' });
      return [raw(event)];
  }
}

function applyDelta(state: AnthropicStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const [, block] = blockAt(state, event);
  const delta = readRecord(event, 'delta');
  if (delta === undefined) throw malformed('content_block_delta has no delta');
  switch (readString(delta, 'type')) {
    case 'text_delta': {
      const text = readString(delta, 'text');
      return text ? [{ type: 'text-delta', delta: text }] : [];
    }
    case 'thinking_delta': {
      const text = readString(delta, 'thinking');
      if (!text || block.kind !== 'thinking') return [];
      block.text += text;
      return [{ type: 'reasoning-delta', delta: text }];
    }
    case 'signature_delta': {
      if (block.kind === 'thinking') block.signature = readString(delta, 'signature');
      return [];
    }
    case 'input_json_delta': {
      const fragment = readString(delta, 'partial_json');
      if (!fragment || block.kind !== 'tool') return [];
      block.argumentsSent = true;
      return [{ type: 'tool-call-delta', index: block.index, argumentsDelta: fragment }];
    }
    default:
      return [raw(event)];
  }
}

function stopBlock(state: AnthropicStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const [, block] = blockAt(state, event);
  switch (block.kind) {
    case 'thinking':
      // Complete only now: the signature arrives last, and the next turn needs both verbatim.
      return [
        {
          type: 'reasoning-details',
          details: [
            {
              type: 'reasoning.text',
              text: block.text,
              ...(block.signature === undefined ? {} : { signature: block.signature }),
              provider,
            },
          ],
        },
      ];
    case 'tool': {
      // A call without arguments streams no fragment; OpenAI clients expect the arguments to be JSON.
      const parts: Array<StreamPart> = block.argumentsSent
        ? []
        : [
            {
              type: 'tool-call-delta',
              index: block.index,
              argumentsDelta: JSON.stringify(block.input ?? {}),
            },
          ];
      return [...parts, { type: 'tool-call-end', index: block.index }];
    }
    case 'text':
    case 'other':
      return [];
    default: {
      const unexpected: never = block;
      throw malformed(`unknown block state ${JSON.stringify(unexpected)}`);
    }
  }
}

/** `message_delta` usage is cumulative; its null counts mean "unchanged since message_start". */
function updateMessage(state: AnthropicStreamState, event: Record<string, unknown>): Array<StreamPart> {
  const stopReason = readString(readRecord(event, 'delta') ?? {}, 'stop_reason');
  if (stopReason !== undefined) state.stopReason = stopReason;
  for (const [key, value] of Object.entries(readRecord(event, 'usage') ?? {})) {
    if (value !== null && value !== undefined) state.usage[key] = value;
  }
  return [];
}

function stopMessage(state: AnthropicStreamState): Array<StreamPart> {
  if (state.stopped) return [];
  state.stopped = true;
  const usage = convertAnthropicUsage(state.usage);
  return [
    { type: 'finish', reason: mapAnthropicFinishReason(state.stopReason) },
    ...(usage === undefined ? [] : [{ type: 'usage' as const, usage }]),
  ];
}

/**
 * Maps one Messages API stream event (of unknown shape) to neutral parts, updating `state`. Throws
 * a typed error for an event that cannot be read or an `error` event; the caller turns it into an
 * `error` part. Usage, split across `message_start` and `message_delta`, is emitted once, with the
 * finish, at `message_stop`.
 */
export function mapAnthropicStreamEvent(state: AnthropicStreamState, event: unknown): Array<StreamPart> {
  if (!isRecord(event)) throw malformed('an event is not a JSON object');
  const providerError = readAnthropicErrorPayload(event);
  if (providerError !== undefined) throw providerError;
  switch (readString(event, 'type')) {
    case 'message_start':
      return startMessage(state, event);
    case 'content_block_start':
      return startBlock(state, event);
    case 'content_block_delta':
      return applyDelta(state, event);
    case 'content_block_stop':
      return stopBlock(state, event);
    case 'message_delta':
      return updateMessage(state, event);
    case 'message_stop':
      return stopMessage(state);
    case 'ping':
      return [];
    default:
      return [raw(event)];
  }
}

/** Closes the stream: a stream that ended before `message_stop` is truncated, not a complete answer. */
export function flushAnthropicStream(state: AnthropicStreamState): Array<StreamPart> {
  return state.stopped ? [] : [{ type: 'error', error: malformed('it ended before message_stop') }];
}
