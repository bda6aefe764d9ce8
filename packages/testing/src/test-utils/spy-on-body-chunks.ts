import type { FetchFunction, ProviderAdapter, ProviderCall } from '@switchyard/core';

/**
 * Wraps an adapter so that every response body it reads through its per-call `fetch` is also copied,
 * chunk by chunk, into `chunks`: what the adapter's SDK saw, with the boundaries it saw.
 */
export function spyOnBodyChunks(adapter: ProviderAdapter): {
  adapter: ProviderAdapter;
  chunks: Array<Uint8Array>;
} {
  const chunks: Array<Uint8Array> = [];
  const spyFetch =
    (fetch: FetchFunction): FetchFunction =>
    async (input, init) => {
      const response = await fetch(input, init);
      if (response.body === null) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const result = await reader.read();
            if (result.done) {
              controller.close();
              return;
            }
            chunks.push(result.value.slice());
            controller.enqueue(result.value);
          },
          cancel: (reason) => reader.cancel(reason),
        },
        { highWaterMark: 0 },
      );
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
  const withSpy = (call: ProviderCall): ProviderCall =>
    call.fetch === undefined ? call : { ...call, fetch: spyFetch(call.fetch) };
  return {
    chunks,
    adapter: {
      specificationVersion: 'v1',
      provider: adapter.provider,
      doGenerate: (call) => adapter.doGenerate(withSpy(call)),
      doStream: (call) => adapter.doStream(withSpy(call)),
    },
  };
}
