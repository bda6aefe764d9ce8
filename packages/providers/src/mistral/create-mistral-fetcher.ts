import type { FetchFunction } from '@switchyard/core';

/**
 * The fetcher given to the Mistral SDK's `HTTPClient`. The SDK calls its fetcher with one `Request`;
 * this hands the injected `fetch` a URL and a plain `RequestInit` (string body, the request's signal)
 * instead, the way the other SDKs call it, so any `fetch` wrapper written for them works here too.
 */
export function createMistralFetcher(fetch: FetchFunction): FetchFunction {
  return async (input, init) => {
    if (!(input instanceof Request)) return fetch(input, init);
    const body = input.body === null ? undefined : await input.text();
    return fetch(input.url, {
      method: input.method,
      headers: input.headers,
      signal: input.signal,
      ...(body === undefined ? {} : { body }),
    });
  };
}
