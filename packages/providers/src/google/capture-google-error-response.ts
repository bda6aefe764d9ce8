import { safeParseJson } from '@switchyard/core';
import type { FetchFunction } from './google-options.js';

/** An error response exactly as Google sent it. */
export interface GoogleErrorResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, else its text. */
  body: unknown;
}

export interface GoogleErrorCapture {
  /** The `fetch` to give the SDK for one call: remembers that call's error response. */
  readonly fetch: FetchFunction;
  /** The last error response of the call, if any. */
  readonly response: () => GoogleErrorResponse | undefined;
}

/**
 * Keeps one call's error response. The SDK's `ApiError` carries only the status and the body re-serialised
 * into its message, and drops the headers (`retry-after`), so the response is read here first and handed
 * back to the SDK unchanged.
 */
export function captureGoogleErrorResponse(fetch: FetchFunction): GoogleErrorCapture {
  let captured: GoogleErrorResponse | undefined;
  return {
    async fetch(input, init) {
      const response = await fetch(input, init);
      if (response.ok) return response;
      const text = await response.text();
      const parsed = safeParseJson(text);
      captured = {
        status: response.status,
        headers: response.headers,
        body: parsed.success ? parsed.value : text,
      };
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
    response: () => captured,
  };
}
