import { AbortError, type ChatCompletionChunk } from '@switchyard/core';
import type { LoggedChoice } from '../logs/request-log-record.js';
import { StreamOutput } from './capture-output.js';

/** How a stream ended, as seen from the caller's side of the pipeline. */
export interface StreamEnd {
  readonly outcome: 'success' | 'error' | 'cancelled';
  readonly error: unknown;
  /** `performance.now()` when the first chunk was handed to the caller. */
  readonly firstChunkAt: number | undefined;
  readonly responseId: string | undefined;
  readonly finishReasons: ReadonlyArray<string>;
  readonly output: ReadonlyArray<LoggedChoice> | undefined;
}

/**
 * Passes a stream's chunks through unchanged and reports once how it ended: read to the end, failed, or
 * cancelled by the caller (`return()`, which is also forwarded so the provider call is cancelled).
 */
export function observeStream(
  source: AsyncIterable<ChatCompletionChunk>,
  captureOutput: boolean,
  onEnd: (end: StreamEnd) => void,
): AsyncIterable<ChatCompletionChunk> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
      const iterator = source[Symbol.asyncIterator]();
      const output = captureOutput ? new StreamOutput() : undefined;
      const finishReasons: Array<string> = [];
      let firstChunkAt: number | undefined;
      let responseId: string | undefined;
      let ended = false;
      const end = (outcome: StreamEnd['outcome'], error: unknown): void => {
        if (ended) return;
        ended = true;
        onEnd({ outcome, error, firstChunkAt, responseId, finishReasons, output: output?.result() });
      };
      return {
        async next() {
          let result: IteratorResult<ChatCompletionChunk>;
          try {
            result = await iterator.next();
          } catch (error) {
            end(AbortError.isInstance(error) ? 'cancelled' : 'error', error);
            throw error;
          }
          if (result.done === true) {
            end('success', undefined);
            return result;
          }
          const chunk = result.value;
          firstChunkAt ??= performance.now();
          responseId ??= chunk.id;
          for (const choice of chunk.choices) {
            if (choice.finish_reason !== null) finishReasons.push(choice.finish_reason);
          }
          output?.add(chunk);
          return result;
        },
        async return() {
          try {
            await iterator.return?.();
          } finally {
            end('cancelled', undefined);
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}
