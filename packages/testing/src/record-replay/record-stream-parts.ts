import type { StreamPart } from '@switchyard/core';

/** Called once the stream ended on its own: with its parts, and the error when it failed. */
export type StreamPartsEnd = (parts: ReadonlyArray<StreamPart>, error: unknown) => Promise<void>;

/**
 * Passes an adapter's parts through unchanged, keeping a copy of each. When the stream ends (or fails)
 * (or delivers its `error` part) `onEnd` runs before the reader sees that, so a recorded cassette is on disk once the caller's loop
 * is done. A reader that cancels gets no `onEnd`: a cut-short stream is not the provider's answer.
 */
export function recordStreamParts(
  source: ReadableStream<StreamPart>,
  onEnd: StreamPartsEnd,
): ReadableStream<StreamPart> {
  const reader = source.getReader();
  const parts: Array<StreamPart> = [];
  let ended = false;
  const end = async (error: unknown): Promise<void> => {
    if (ended) return;
    ended = true;
    await onEnd(parts, error);
  };
  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        let result: ReadableStreamReadResult<StreamPart>;
        try {
          result = await reader.read();
        } catch (error) {
          await end(error);
          throw error;
        }
        if (result.done) {
          await end(undefined);
          controller.close();
          return;
        }
        parts.push(result.value);
        // An `error` part is the last one: the gateway stops reading (and cancels) once it has it.
        if (result.value.type === 'error') await end(undefined);
        controller.enqueue(result.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
