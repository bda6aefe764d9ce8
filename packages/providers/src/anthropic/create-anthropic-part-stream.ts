import type { StreamPart } from '@switchyard/core';
import {
  createAnthropicStreamState,
  flushAnthropicStream,
  mapAnthropicStreamEvent,
} from './map-anthropic-stream-event.js';

export interface CreateAnthropicPartStreamOptions {
  /** The SDK's event stream; events are read as unknown and parsed, never trusted. */
  events: AsyncIterable<unknown>;
  /** Aborts the HTTP request behind `events` (the SDK stream's `controller.abort()`). */
  abort: () => void;
  signal: AbortSignal;
  /** Turns whatever the iteration throws into the typed error of an `error` part. */
  mapError: (error: unknown) => unknown;
}

/**
 * Neutral stream parts from the SDK's event stream, pulled on demand so back-pressure reaches the
 * HTTP body. Failures after the stream started (an `error` event, a malformed or truncated stream,
 * an abort) end it with one `error` part; cancelling it aborts the HTTP request.
 */
export function createAnthropicPartStream(
  options: CreateAnthropicPartStreamOptions,
): ReadableStream<StreamPart> {
  const iterator = options.events[Symbol.asyncIterator]();
  const state = createAnthropicStreamState();
  let cancelled = false;
  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        try {
          // A pull must enqueue something (or close), else the reader waits forever: skip quiet events.
          for (;;) {
            const next = await iterator.next();
            if (cancelled) return;
            if (next.done === true) {
              // The SDK ends its iteration quietly when the request is aborted; that is not a complete answer.
              if (options.signal.aborted) throw options.signal.reason;
              for (const part of flushAnthropicStream(state)) controller.enqueue(part);
              controller.close();
              return;
            }
            const parts = mapAnthropicStreamEvent(state, next.value);
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
