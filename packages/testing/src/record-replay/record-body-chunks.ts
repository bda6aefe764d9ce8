import type { RecordedBody } from './recorded-exchange.js';

export interface RecordedBodyStream {
  /** What the adapter reads: the same bytes, in the same chunks, as they arrive. */
  readonly stream: ReadableStream<Uint8Array>;
  readonly body: Extract<RecordedBody, { kind: 'chunks' }>;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Passes a streamed response body through unchanged while keeping each chunk (a copy of its bytes)
 * and the time since the previous one. Pull-based: nothing is read ahead of the adapter, so chunk
 * boundaries and timing are the ones the adapter saw.
 */
export function recordBodyChunks(source: ReadableStream<Uint8Array>): RecordedBodyStream {
  const reader = source.getReader();
  const body: RecordedBodyStream['body'] = {
    kind: 'chunks',
    recorded: { chunks: [] },
    drain: async (signal) => {
      while (!finished && !signal.aborted) await readOnce();
    },
  };
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let last = performance.now();
  let finished = false;
  let closed = false;

  const readOnce = async (): Promise<void> => {
    try {
      const result = await reader.read();
      if (finished) return;
      if (result.done) {
        finished = true;
        if (!closed) controller?.close();
        closed = true;
        return;
      }
      const now = performance.now();
      body.recorded.chunks.push({ delayMs: now - last, bytes: result.value.slice() });
      last = now;
      if (!closed) controller?.enqueue(result.value);
    } catch (error) {
      if (finished) return;
      finished = true;
      body.recorded.error = errorMessage(error);
      if (!closed) controller?.error(error);
      closed = true;
    }
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      pull: readOnce,
      async cancel(reason) {
        // The adapter stopped reading; what it had read is what the provider sent up to here.
        finished = true;
        closed = true;
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, body };
}
