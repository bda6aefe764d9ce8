import type { ChatCompletionChunk, CompletionUsage, GatewayResult, MiddlewareState } from '@switchyard/core';
import type { CachedPayload, StoredChunk } from '../entry/cached-payload.js';
import { chunksToCompletion } from './chunks-to-completion.js';
import { completionToChunks } from './completion-to-chunks.js';
import { replayMetadata } from './replay-metadata.js';

async function* replayChunks(
  chunks: ReadonlyArray<StoredChunk>,
  usage: CompletionUsage | undefined,
  state: MiddlewareState,
  rawFinishReason: string | undefined,
): AsyncGenerator<ChatCompletionChunk, undefined> {
  for (const chunk of chunks) {
    // As core does: the chunks that finish a choice carry the request's metadata.
    const finishes = chunk.choices.some((choice) => choice.finish_reason !== null);
    yield finishes ? { ...chunk, switchyard: replayMetadata(state, rawFinishReason) } : chunk;
  }
  const last = chunks.at(-1);
  if (usage !== undefined && last !== undefined && state.request.stream_options?.include_usage === true) {
    const usageChunk: ChatCompletionChunk = {
      id: last.id,
      object: 'chat.completion.chunk',
      created: last.created,
      model: last.model,
      choices: [],
      usage,
      switchyard: replayMetadata(state, rawFinishReason),
    };
    if (last.system_fingerprint !== undefined) usageChunk.system_fingerprint = last.system_fingerprint;
    yield usageChunk;
  }
  return undefined;
}

/**
 * Answers a request from a cached entry in the shape it asked for: a completion (folded from chunks
 * when the entry was streamed) or a stream (synthesised from a completion when it was not). Usage is
 * the original call's, with `estimated_cost` 0 when it was priced: a hit costs nothing.
 */
export function replayPayload(payload: CachedPayload, state: MiddlewareState): GatewayResult {
  const usage: CompletionUsage | undefined =
    payload.usage === undefined
      ? undefined
      : payload.usage.estimated_cost === undefined
        ? payload.usage
        : { ...payload.usage, estimated_cost: 0 };
  state.provider = payload.provider;
  state.model = payload.model;
  state.usage = usage;
  const { response } = payload;
  if (state.stream) {
    const chunks = response.type === 'stream' ? response.chunks : completionToChunks(response.completion);
    return { type: 'stream', stream: replayChunks(chunks, usage, state, payload.rawFinishReason) };
  }
  const stored =
    response.type === 'completion' ? response.completion : chunksToCompletion(response.chunks, usage);
  const completion = { ...stored, switchyard: replayMetadata(state, payload.rawFinishReason) };
  if (usage !== undefined) completion.usage = usage;
  return { type: 'completion', completion };
}
