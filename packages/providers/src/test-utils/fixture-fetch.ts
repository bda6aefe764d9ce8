/**
 * Test `fetch` that serves recorded wire fixtures, so the official SDK does all HTTP and SSE parsing.
 * Bodies are streamed in pieces of the given byte sizes (cycled), which splits SSE events and
 * multi-byte UTF-8 characters at arbitrary points.
 */

export interface FixtureResponse {
  body: string;
  status?: number;
  headers?: Record<string, string>;
  /** Sizes of the body's byte pieces, cycled. Default: the whole body at once. */
  chunkSizes?: ReadonlyArray<number>;
  /** Keep the body open after the last byte until the request is aborted (a stalled stream). */
  stall?: boolean;
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The JSON request body the SDK sent. */
  body: unknown;
  /** The signal the SDK gave `fetch` (aborted when the SDK cancels the request). */
  signal: AbortSignal | undefined;
}

const contentTypeFor = (body: string): string =>
  body.startsWith('data:') || body.startsWith('event:') || body.startsWith(':')
    ? 'text/event-stream; charset=utf-8'
    : 'application/json';

function bodyStream(response: FixtureResponse, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(response.body);
  const sizes = response.chunkSizes ?? [bytes.length];
  let offset = 0;
  let piece = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Like a real fetch: an abort errors the body with the signal's reason.
      signal?.addEventListener('abort', () => {
        try {
          controller.error(signal.reason);
        } catch {
          // Already closed.
        }
      });
    },
    pull(controller) {
      if (offset >= bytes.length) {
        if (response.stall !== true) controller.close();
        return;
      }
      const size = Math.max(1, sizes[piece % sizes.length] ?? 1);
      piece += 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** A fetch that answers call N with `responses[N]` (the last one repeats) and records each request. */
export function fixtureFetch(...responses: ReadonlyArray<FixtureResponse>) {
  const requests: Array<RecordedRequest> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const signal = init?.signal ?? undefined;
    requests.push({
      url,
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body,
      signal,
    });
    const response = responses[Math.min(requests.length - 1, responses.length - 1)];
    if (response === undefined) throw new Error('fixtureFetch: no response configured');
    if (signal?.aborted) throw signal.reason;
    return new Response(bodyStream(response, signal), {
      status: response.status ?? 200,
      headers: { 'content-type': contentTypeFor(response.body), ...response.headers },
    });
  };
  return { fetch, requests };
}

/** Reads a neutral part stream to the end. */
export async function readAll<T>(stream: ReadableStream<T>): Promise<Array<T>> {
  const parts: Array<T> = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}
