import { safeParseJson } from '@switchyard/core';
import type { FetchFunction } from './anthropic-options.js';

export interface AnthropicErrorBodies {
  /** The `fetch` to give the SDK: reads each error response's body once and remembers it. */
  readonly fetch: FetchFunction;
  /** The error body that came with these response headers: parsed JSON, else its text. */
  bodyFor(headers: Headers | undefined): unknown;
}

/**
 * Keeps error bodies that are not JSON (a proxy's HTML page, a load balancer's text): the SDK keeps
 * only JSON bodies. Its errors do keep the response's `Headers` object, so the body is remembered
 * against that object, weakly, for as long as the error lives.
 */
export function captureAnthropicErrorBodies(fetch: FetchFunction): AnthropicErrorBodies {
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
