import type { CompletionEvent } from '@mistralai/mistralai/models/components';
import type { StreamPart } from '@switchyard/core';
import {
  createMistralStreamState,
  flushMistralStream,
  mapMistralStreamChunk,
} from './map-mistral-stream-chunk.js';

export interface CreateMistralPartStreamOptions {
  /**
   * The SDK's event stream (already parsed and validated chunk by chunk). Only its reader is used, so the
   * type asks for no more: the SDK's `EventStream` stops matching `ReadableStream` when the program's lib
   * includes `esnext.disposable` (async iterators then need `Symbol.asyncDispose`).
   */
  events: Pick<ReadableStream<CompletionEvent>, 'getReader'>;
  /** Aborts the HTTP request behind `events`. */
  abort: () => void;
  provider: string;
  /** The call's signal: once aborted, the stream ends with an AbortError part. */
  signal: AbortSignal;
  /** Turns whatever reading throws into the typed error of an `error` part. */
  mapError: (error: unknown) => unknown;
}

/**
 * Neutral stream parts from the SDK's event stream, pulled on demand so back-pressure reaches the HTTP
 * body. A failure after the stream started ends it with one `error` part; cancelling it aborts the request.
 */
export function createMistralPartStream(options: CreateMistralPartStreamOptions): ReadableStream<StreamPart> {
  const reader = options.events.getReader();
  const state = createMistralStreamState(options.provider);
  let cancelled = false;
  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        try {
          // A pull must enqueue something (or close), else the reader waits forever: skip empty chunks.
          for (;;) {
            const next = await reader.read();
            if (cancelled) return;
            // Chunks already buffered are not delivered after an abort; an aborted body may also end quietly.
            if (options.signal.aborted) throw options.signal.reason;
            if (next.done) {
              for (const part of flushMistralStream(state)) controller.enqueue(part);
              controller.close();
              return;
            }
            const parts = mapMistralStreamChunk(state, next.value.data);
            for (const part of parts) controller.enqueue(part);
            if (parts.length > 0) return;
          }
        } catch (error) {
          if (cancelled) return;
          controller.enqueue({ type: 'error', error: options.mapError(error) });
          controller.close();
          options.abort();
        }
      },
      async cancel(reason) {
        cancelled = true;
        // Abort first: cancelling the reader would otherwise wait behind a read stalled on the network.
        options.abort();
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
