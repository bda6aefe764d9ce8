import type { StreamPart } from '@switchyard/core';
import {
  createOpenAIStreamState,
  flushOpenAIStream,
  mapOpenAIStreamChunk,
} from './map-openai-stream-chunk.js';

export interface CreateOpenAIPartStreamOptions {
  /** The parsed chunks (`readOpenAIChunks`, or the SDK's `Stream` for Azure); read as unknown, never trusted. */
  chunks: AsyncIterable<unknown>;
  /** Aborts the HTTP request behind `chunks`, a body read waiting on the network included. */
  abort: () => void;
  provider: string;
  signal: AbortSignal;
  /** Turns whatever the iteration throws into the typed error of an `error` part. */
  mapError: (error: unknown) => unknown;
}

/**
 * Neutral stream parts from a chunk stream, pulled on demand so back-pressure reaches the HTTP body.
 * Failures after the stream started end it with one `error` part; cancelling it aborts the HTTP request.
 */
export function createOpenAIPartStream(options: CreateOpenAIPartStreamOptions): ReadableStream<StreamPart> {
  const iterator = options.chunks[Symbol.asyncIterator]();
  const state = createOpenAIStreamState(options.provider);
  let cancelled = false;
  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        try {
          // A pull must enqueue something (or close), else the reader waits forever: skip empty chunks.
          for (;;) {
            const next = await iterator.next();
            if (cancelled) return;
            if (next.done === true) {
              // An aborted request ends the iteration quietly; that is not a complete answer.
              if (options.signal.aborted) throw options.signal.reason;
              for (const part of flushOpenAIStream(state)) controller.enqueue(part);
              controller.close();
              return;
            }
            const parts = mapOpenAIStreamChunk(state, next.value);
            for (const part of parts) controller.enqueue(part);
            if (parts.length > 0) return;
          }
        } catch (error) {
          if (cancelled) return;
          controller.enqueue({ type: 'error', error: options.mapError(error) });
          controller.close();
          // Stop reading the HTTP body (a no-op when the iteration already failed).
          options.abort();
        }
      },
      async cancel() {
        cancelled = true;
        // Abort first: the iterator's return() would otherwise wait behind a read stalled on the network.
        options.abort();
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
