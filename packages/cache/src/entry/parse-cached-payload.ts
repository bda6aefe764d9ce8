import { safeParseJson } from '@switchyard/core';
import { isRecordLike } from '../internal/is-record-like.js';
import type { CachedPayload, StoredChunk, StoredCompletion } from './cached-payload.js';

const isUsage = (value: unknown): value is NonNullable<CachedPayload['usage']> =>
  isRecordLike(value) &&
  typeof value.prompt_tokens === 'number' &&
  typeof value.completion_tokens === 'number' &&
  typeof value.total_tokens === 'number';

const isCompletion = (value: unknown): value is StoredCompletion =>
  isRecordLike(value) &&
  value.object === 'chat.completion' &&
  typeof value.id === 'string' &&
  Array.isArray(value.choices) &&
  value.choices.every((choice: unknown) => isRecordLike(choice) && isRecordLike(choice.message));

const isChunk = (value: unknown): value is StoredChunk =>
  isRecordLike(value) &&
  value.object === 'chat.completion.chunk' &&
  typeof value.id === 'string' &&
  Array.isArray(value.choices) &&
  value.choices.every((choice: unknown) => isRecordLike(choice) && isRecordLike(choice.delta));

const isResponse = (value: unknown): value is CachedPayload['response'] => {
  if (!isRecordLike(value)) return false;
  if (value.type === 'completion') return isCompletion(value.completion);
  return value.type === 'stream' && Array.isArray(value.chunks) && value.chunks.every(isChunk);
};

/**
 * Reads an entry's body. Stored data is checked, not trusted: a body this version cannot read (corrupt,
 * foreign, or written by another format version) is `undefined`, which the middleware treats as a miss.
 */
export function parseCachedPayload(body: string): CachedPayload | undefined {
  const parsed = safeParseJson(body);
  if (!parsed.success) return undefined;
  const value = parsed.value;
  if (
    !isRecordLike(value) ||
    value.v !== 1 ||
    typeof value.provider !== 'string' ||
    typeof value.model !== 'string' ||
    !isResponse(value.response)
  ) {
    return undefined;
  }
  const payload: CachedPayload = {
    v: 1,
    provider: value.provider,
    model: value.model,
    response: value.response,
  };
  if (isUsage(value.usage)) payload.usage = value.usage;
  if (typeof value.rawFinishReason === 'string') payload.rawFinishReason = value.rawFinishReason;
  return payload;
}
