/** What the handler reads of an incoming request. */
export interface IncomingRequest {
  readonly method: string;
  readonly pathname: string;
  readonly headers: Headers;
  readonly signal: AbortSignal | undefined;
  text(): Promise<string>;
}

/**
 * Reads `fetch(input, init)` arguments. The common in-process case — a URL string and a string body,
 * which is what the `openai` SDK sends — skips constructing a `Request` and reading its body stream.
 */
export function readIncomingRequest(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): IncomingRequest {
  const body = init?.body;
  if (
    (typeof input === 'string' || input instanceof URL) &&
    (body === undefined || body === null || typeof body === 'string')
  ) {
    const url = typeof input === 'string' ? new URL(input) : input;
    return {
      method: (init?.method ?? 'GET').toUpperCase(),
      pathname: url.pathname,
      headers: new Headers(init?.headers),
      signal: init?.signal ?? undefined,
      text: async () => body ?? '',
    };
  }
  const request = new Request(input, init);
  return {
    method: request.method,
    pathname: new URL(request.url).pathname,
    headers: request.headers,
    signal: request.signal,
    text: () => request.text(),
  };
}
