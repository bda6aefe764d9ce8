import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { StreamPart } from '@switchyard/core';
import {
  createBedrockStreamState,
  flushBedrockStream,
  mapBedrockStreamEvent,
} from './map-bedrock-stream-event.js';

export interface CreateBedrockPartStreamOptions {
  /** The SDK's decoded event stream (`ConverseStreamCommandOutput.stream`). */
  events: AsyncIterable<ConverseStreamOutput>;
  /** Aborts the HTTP request behind `events`. */
  abort: () => void;
  provider: string;
  signal: AbortSignal;
  /** Turns whatever the iteration throws into the typed error of an `error` part. */
  mapError: (error: unknown) => unknown;
}

/**
 * Neutral stream parts from ConverseStream events, pulled on demand so back-pressure reaches the
 * HTTP body. A failure after the stream started (an exception event, a broken frame, an abort) ends
 * it with one `error` part; cancelling the part stream aborts the HTTP request.
 */
export function createBedrockPartStream(options: CreateBedrockPartStreamOptions): ReadableStream<StreamPart> {
  const iterator = options.events[Symbol.asyncIterator]();
  const state = createBedrockStreamState(options.provider);
  let cancelled = false;
  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        try {
          // A pull must enqueue something (or close), else the reader waits forever: skip empty events.
          for (;;) {
            const next = await iterator.next();
            if (cancelled) return;
            if (next.done === true) {
              if (options.signal.aborted) throw options.signal.reason;
              for (const part of flushBedrockStream(state)) controller.enqueue(part);
              controller.close();
              return;
            }
            const parts = mapBedrockStreamEvent(state, next.value);
            for (const part of parts) controller.enqueue(part);
            if (parts.length > 0) return;
          }
        } catch (error) {
          if (cancelled) return;
          controller.enqueue({ type: 'error', error: options.mapError(error) });
          controller.close();
          // Stop reading the HTTP body (a no-op when the body already failed).
          options.abort();
        }
      },
      async cancel() {
        cancelled = true;
        // Abort first: return() would otherwise wait behind a read stalled on the network.
        options.abort();
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
