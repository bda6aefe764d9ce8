import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import {
  APIConnectionError,
  type CompletionUsage,
  type ReasoningDetail,
  type StreamPart,
  type UnifiedFinishReason,
} from '@switchyard/core';
import { encodeBase64 } from './base64.js';
import { convertBedrockUsage } from './convert-bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

/** An open content block of the streamed message, by its `contentBlockIndex`. */
type OpenBlock =
  | { kind: 'tool'; index: number; sentArguments: boolean }
  | { kind: 'reasoning'; text: string; signature: string | undefined; redacted: Uint8Array | undefined };

/** What the mapper remembers between events of one ConverseStream response. */
export interface BedrockStreamState {
  readonly provider: string;
  readonly blocks: Map<number, OpenBlock>;
  /** Tool calls started so far: the next call's neutral `index`. */
  toolCalls: number;
  finished: boolean;
  /** The latest usage seen (the `metadata` event); emitted once, when the stream ends. */
  usage: CompletionUsage | undefined;
}

export function createBedrockStreamState(provider: string): BedrockStreamState {
  return { provider, blocks: new Map(), toolCalls: 0, finished: false, usage: undefined };
}

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed event stream: ${reason}.`, { provider });

function blockIndex(state: BedrockStreamState, event: { contentBlockIndex?: number | undefined }): number {
  if (event.contentBlockIndex === undefined)
    throw malformed(state.provider, 'an event has no contentBlockIndex');
  return event.contentBlockIndex;
}

function reasoningBlock(state: BedrockStreamState, index: number) {
  const block = state.blocks.get(index);
  if (block?.kind === 'reasoning') return block;
  if (block !== undefined) throw malformed(state.provider, `block ${index} mixes reasoning with a tool call`);
  const created: OpenBlock & { kind: 'reasoning' } = {
    kind: 'reasoning',
    text: '',
    signature: undefined,
    redacted: undefined,
  };
  state.blocks.set(index, created);
  return created;
}

function closeBlock(state: BedrockStreamState, index: number): Array<StreamPart> {
  const block = state.blocks.get(index);
  state.blocks.delete(index);
  if (block === undefined) return [];
  if (block.kind === 'tool') {
    // A call without arguments streams no input at all; OpenAI clients expect an empty object.
    const empty: Array<StreamPart> = block.sentArguments
      ? []
      : [{ type: 'tool-call-delta', index: block.index, argumentsDelta: '{}' }];
    return [...empty, { type: 'tool-call-end', index: block.index }];
  }
  // Only signed or redacted reasoning has to be replayed; unsigned text is already in the deltas.
  const detail: ReasoningDetail | undefined =
    block.redacted !== undefined
      ? { type: 'reasoning.encrypted', data: encodeBase64(block.redacted), provider: state.provider }
      : block.signature !== undefined
        ? { type: 'reasoning.text', text: block.text, signature: block.signature, provider: state.provider }
        : undefined;
  return detail === undefined ? [] : [{ type: 'reasoning-details', details: [detail] }];
}

function mapDelta(
  state: BedrockStreamState,
  event: NonNullable<ConverseStreamOutput['contentBlockDelta']>,
): Array<StreamPart> {
  const index = blockIndex(state, event);
  const delta = event.delta;
  if (delta === undefined) return [];
  if (delta.text !== undefined) return delta.text === '' ? [] : [{ type: 'text-delta', delta: delta.text }];
  if (delta.toolUse !== undefined) {
    const block = state.blocks.get(index);
    if (block?.kind !== 'tool')
      throw malformed(state.provider, `tool input for block ${index}, which is not a tool call`);
    const fragment = delta.toolUse.input ?? '';
    if (fragment === '') return [];
    block.sentArguments = true;
    return [{ type: 'tool-call-delta', index: block.index, argumentsDelta: fragment }];
  }
  if (delta.reasoningContent !== undefined) {
    const block = reasoningBlock(state, index);
    const { text, signature, redactedContent } = delta.reasoningContent;
    if (signature !== undefined) block.signature = signature;
    if (redactedContent !== undefined) block.redacted = redactedContent;
    if (text === undefined || text === '') return [];
    block.text += text;
    return [{ type: 'reasoning-delta', delta: text }];
  }
  // Citations and other deltas have no place in a chat completion chunk.
  return [];
}

/**
 * Maps one ConverseStream event to neutral stream parts, updating `state`. Tool calls are numbered
 * 0, 1, … in order of their `contentBlockStart`; `finish` is emitted at `messageStop`, usage is kept
 * for `flushBedrockStream`. Throws a typed error for an event that cannot be read, and rethrows the
 * exception an exception event carries; the caller turns either into an `error` part.
 */
export function mapBedrockStreamEvent(
  state: BedrockStreamState,
  event: ConverseStreamOutput,
): Array<StreamPart> {
  if (event.contentBlockDelta !== undefined) return mapDelta(state, event.contentBlockDelta);
  if (event.contentBlockStart !== undefined) {
    const index = blockIndex(state, event.contentBlockStart);
    const toolUse = event.contentBlockStart.start?.toolUse;
    if (toolUse === undefined) return [];
    if (toolUse.name === undefined)
      throw malformed(state.provider, `tool call in block ${index} has no name`);
    const toolIndex = state.toolCalls;
    state.toolCalls += 1;
    state.blocks.set(index, { kind: 'tool', index: toolIndex, sentArguments: false });
    const id = toolUse.toolUseId ?? `call_${crypto.randomUUID()}`;
    return [{ type: 'tool-call-start', index: toolIndex, id, name: toolUse.name }];
  }
  if (event.contentBlockStop !== undefined)
    return closeBlock(state, blockIndex(state, event.contentBlockStop));
  if (event.messageStop !== undefined) {
    if (state.finished) return [];
    state.finished = true;
    // A block the model never closed still ends with the message.
    const open = [...state.blocks.keys()].sort((a, b) => a - b).flatMap((index) => closeBlock(state, index));
    const reason: UnifiedFinishReason = mapBedrockFinishReason(event.messageStop.stopReason);
    return [...open, { type: 'finish', reason }];
  }
  if (event.metadata !== undefined) {
    const usage = convertBedrockUsage(event.metadata.usage);
    if (usage !== undefined) state.usage = usage;
    return [];
  }
  const exception =
    event.internalServerException ??
    event.modelStreamErrorException ??
    event.validationException ??
    event.throttlingException ??
    event.serviceUnavailableException;
  if (exception !== undefined) throw exception;
  // messageStart (the role is always assistant) and event types newer than this adapter.
  return [];
}

/**
 * The parts that close the stream: the usage, once, or an error when the stream ended before
 * `messageStop` (a truncated stream must not pass for a complete answer).
 */
export function flushBedrockStream(state: BedrockStreamState): Array<StreamPart> {
  if (!state.finished) {
    return [{ type: 'error', error: malformed(state.provider, 'it ended before messageStop') }];
  }
  return state.usage === undefined ? [] : [{ type: 'usage', usage: state.usage }];
}
