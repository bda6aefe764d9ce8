import type { ChatCompletionChunk } from '@switchyard/core';

export interface RecordedStream {
  /** Each content chunk as JSON, without `switchyard` and without the trailing usage chunk. */
  chunkJson: Array<string>;
  /** The provider's own finish reason, from the finish chunk's metadata. */
  rawFinishReason: string | undefined;
  /** Finish reason per choice index; a choice without one did not finish. */
  finishReasons: Map<number, string | null>;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Passes a stream through unchanged while recording it. `onComplete` runs once, only when the
 * stream ended normally; a stream that failed (provider error, guardrail block, timeout) or that the
 * caller abandoned is never handed over. Each chunk is serialised as it passes, so a caller mutating
 * a chunk afterwards cannot change what gets cached.
 */
export function recordStream(
  source: AsyncIterable<ChatCompletionChunk>,
  onComplete: (recorded: RecordedStream) => Promise<void>,
): AsyncIterableIterator<ChatCompletionChunk, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const recorded: RecordedStream = { chunkJson: [], rawFinishReason: undefined, finishReasons: new Map() };
  let settled = false;

  const record = (chunk: ChatCompletionChunk): void => {
    const { switchyard, ...content } = chunk;
    if (switchyard?.rawFinishReason !== undefined) recorded.rawFinishReason = switchyard.rawFinishReason;
    // The usage chunk (`choices: []`) is rebuilt on replay from the entry's usage.
    if (chunk.choices.length === 0 && chunk.usage !== undefined && chunk.usage !== null) return;
    for (const choice of chunk.choices) {
      if (!recorded.finishReasons.has(choice.index) || choice.finish_reason !== null) {
        recorded.finishReasons.set(choice.index, choice.finish_reason);
      }
    }
    recorded.chunkJson.push(JSON.stringify(content));
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (settled) return DONE;
      let result: IteratorResult<ChatCompletionChunk>;
      try {
        result = await iterator.next();
      } catch (error) {
        settled = true;
        throw error;
      }
      if (result.done !== true) {
        record(result.value);
        return { done: false, value: result.value };
      }
      settled = true;
      await onComplete(recorded);
      return DONE;
    },
    async return() {
      if (!settled) {
        settled = true;
        await iterator.return?.();
      }
      return DONE;
    },
  };
}
