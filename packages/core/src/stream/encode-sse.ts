const encoder = new TextEncoder();
const DONE = encoder.encode('data: [DONE]\n\n');

/** Encodes one JSON event as a server-sent event. The gateway's only SSE writer. */
export const encodeSSEEvent = (data: unknown): Uint8Array =>
  encoder.encode(`data: ${JSON.stringify(data)}\n\n`);

/** The terminator OpenAI clients expect at the end of a chat completion stream. */
export const encodeSSEDone = (): Uint8Array => DONE;

/** Turns an async iterator of JSON-able values into SSE bytes ending in `data: [DONE]`. */
export function toSSEStream<T>(
  source: AsyncIterator<T>,
  onError: (error: unknown) => unknown,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await source.next();
        if (done) {
          controller.enqueue(DONE);
          controller.close();
          return;
        }
        controller.enqueue(encodeSSEEvent(value));
      } catch (error) {
        // A reader that aborted gets what `fetch` gives: a body that errors with the abort reason.
        if (signal?.aborted === true) {
          controller.error(signal.reason);
          return;
        }
        // Other mid-stream failures become an error event; OpenAI clients raise it as an APIError.
        controller.enqueue(encodeSSEEvent(onError(error)));
        controller.close();
      }
    },
    async cancel() {
      await source.return?.();
    },
  });
}
