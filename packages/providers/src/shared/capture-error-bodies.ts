import type { FetchFunction } from '@switchyard/core';
import { safeParseJson } from '@switchyard/core';

export interface ErrorBodyCapture {
  /** The `fetch` to give the SDK: reads each error response's body once and remembers it. */
  readonly fetch: FetchFunction;
  /** The raw error body of the response these headers came with: parsed JSON, else its text. */
  bodyFor(headers: Headers | undefined): unknown;
}

/**
 * Keeps the provider's error bodies exactly as sent. The SDK's `APIError` keeps only the inner
 * `error` object (or the whole body rewrapped) and drops non-JSON bodies, but it does keep the
 * response's `Headers` object, so the body is remembered against that object.
 */
export function captureErrorBodies(fetch: FetchFunction): ErrorBodyCapture {
  // Weakly held: an entry lives exactly as long as the SDK error that references its headers.
  const bodies = new WeakMap<Headers, string>();
  return {
    async fetch(input, init) {
      const response = await fetch(input, init);
      if (response.ok || response.body === null) return response;
      const text = await response.text();
      const copy = new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      bodies.set(copy.headers, text);
      return copy;
    },
    bodyFor(headers) {
      const text = headers === undefined ? undefined : bodies.get(headers);
      if (text === undefined || text === '') return undefined;
      const parsed = safeParseJson(text);
      return parsed.success ? parsed.value : text;
    },
  };
}
