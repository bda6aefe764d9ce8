import type { ChatCompletion, ChatCompletionChunk, CompletionUsage } from '@switchyard/core';

export type StoredCompletion = Omit<ChatCompletion, 'switchyard'>;
export type StoredChunk = Omit<ChatCompletionChunk, 'switchyard'>;

/** Format of an entry's body; `v` changes whenever the shape does, and unknown versions are misses. */
export interface CachedPayload {
  v: 1;
  /** The provider key that answered. */
  provider: string;
  model: string;
  /** Usage of the original call (with `estimated_cost` when it was priced). */
  usage?: CompletionUsage;
  rawFinishReason?: string;
  response:
    | { type: 'completion'; completion: StoredCompletion }
    /** Content chunks as streamed, without the trailing usage chunk (usage is kept above). */
    | { type: 'stream'; chunks: Array<StoredChunk> };
}

export type PayloadHeader = Omit<CachedPayload, 'response'>;

export const serializeCompletionPayload = (header: PayloadHeader, completion: StoredCompletion): string =>
  JSON.stringify({ ...header, response: { type: 'completion', completion } });

/** Chunks arrive already serialised (frozen as they passed), so they are spliced in rather than re-encoded. */
export const serializeStreamPayload = (header: PayloadHeader, chunkJson: ReadonlyArray<string>): string =>
  `${JSON.stringify(header).slice(0, -1)},"response":{"type":"stream","chunks":[${chunkJson.join(',')}]}}`;
