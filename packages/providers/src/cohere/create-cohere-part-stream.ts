import type { StreamPart } from '@switchyard/core';
import {
  createCohereStreamState,
  flushCohereStream,
  mapCohereStreamEvent,
} from './map-cohere-stream-event.js';

export interface CreateCoherePartStreamOptions {
  /** The SDK's event stream; events are read as unknown and parsed, never trusted. */
  events: AsyncIterable<unknown>;
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
export function createCoherePartStream(options: CreateCoherePartStreamOptions): ReadableStream<StreamPart> {
  const iterator = options.events[Symbol.asyncIterator]();
  const state = createCohereStreamState(options.provider);
  let cancelled = false;
  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        try {
          // A pull must enqueue something (or close), else the reader waits forever: skip empty events.
          for (;;) {
            const next = await iterator.next();
            if (cancelled) return;
            // Events already buffered are not delivered after an abort; an aborted body may also end quietly.
            if (options.signal.aborted) throw options.signal.reason;
            if (next.done === true) {
              for (const part of flushCohereStream(state)) controller.enqueue(part);
              controller.close();
              return;
            }
            const parts = mapCohereStreamEvent(state, next.value);
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
