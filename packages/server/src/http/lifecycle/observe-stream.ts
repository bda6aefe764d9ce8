export type StreamOutcome = 'completed' | 'cancelled' | 'errored';

/**
 * Passes a response body through unchanged and reports once how it ended: read to the end, cancelled by
 * the client, or failed. Used for SSE streams, which outlive their handler.
 */
export function observeStream(
  source: ReadableStream<Uint8Array>,
  onEnd: (outcome: StreamOutcome) => void,
  /** Bytes that end the stream cleanly instead of failing it (e.g. a final SSE error event), or undefined. */
  lastWords?: (error: unknown) => Uint8Array | undefined,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let ended = false;
  const end = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    onEnd(outcome);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          end('completed');
        } else controller.enqueue(value);
      } catch (error) {
        const last = lastWords?.(error);
        if (last === undefined) controller.error(error);
        else {
          controller.enqueue(last);
          controller.close();
        }
        end('errored');
      }
    },
    async cancel(reason) {
      end('cancelled');
      await reader.cancel(reason);
    },
  });
}
