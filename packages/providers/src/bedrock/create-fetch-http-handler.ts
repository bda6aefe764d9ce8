import { safeParseJson } from '@switchyard/core';
import type { FetchFunction } from './bedrock-options.js';

/** The fields of the AWS SDK's (Smithy) `HttpRequest` this handler reads; it arrives signed. */
export interface SmithyHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number | undefined;
  path: string;
  query?: Record<string, string | Array<string> | null> | undefined;
  headers: Record<string, string>;
  body?: unknown;
}

/** The SDK's `HttpHandlerOptions`: `abortSignal` is the signal given to `client.send`. */
export interface SmithyHandlerOptions {
  abortSignal?: unknown;
}

/** The SDK's `HttpResponse` shape (it checks it structurally). */
export interface SmithyHttpResponse {
  statusCode: number;
  reason: string;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array>;
}

/** A Smithy request handler: what the AWS SDK's `requestHandler` option takes. */
export interface FetchHttpHandler {
  handle(
    request: SmithyHttpRequest,
    options?: SmithyHandlerOptions,
  ): Promise<{ response: SmithyHttpResponse }>;
  updateHttpClientConfig(key: unknown, value: unknown): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

export interface FetchHttpHandlerWithErrorBodies {
  readonly handler: FetchHttpHandler;
  /** The raw body of an error response the handler returned (parsed JSON, else its text). */
  errorBodyFor(response: unknown): unknown;
}

// SigV4 canonicalises query strings with RFC 3986 escaping, which escapes more than encodeURIComponent.
const escapeUri = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function queryString(query: SmithyHttpRequest['query']): string {
  if (query === undefined) return '';
  const parts: Array<string> = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (Array.isArray(value)) for (const item of value) parts.push(`${escapeUri(key)}=${escapeUri(item)}`);
    else
      parts.push(
        value === null || value === undefined ? escapeUri(key) : `${escapeUri(key)}=${escapeUri(value)}`,
      );
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function requestBody(body: unknown, contentType: string | undefined): BodyInit | undefined {
  if (body === undefined || body === null || typeof body === 'string') return body ?? undefined;
  // ArrayBuffer.isView works across realms (edge runtimes), unlike `instanceof Uint8Array`.
  if (!ArrayBuffer.isView(body)) {
    throw new TypeError('The AWS SDK produced a streaming request body, which this handler does not send.');
  }
  const bytes = new Uint8Array(body.byteLength);
  bytes.set(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  // The SDK serialises JSON to UTF-8 bytes; sent as the same text, a wrapping fetch can read it.
  return contentType?.includes('json') ? new TextDecoder().decode(bytes) : bytes;
}

const isAbortSignal = (value: unknown): value is AbortSignal =>
  typeof value === 'object' &&
  value !== null &&
  'aborted' in value &&
  'addEventListener' in value &&
  typeof value.addEventListener === 'function';

/**
 * A request handler for the AWS SDK that sends each (already signed) request through a `fetch`
 * function, so the gateway's or a test's `fetch` carries Bedrock traffic on every runtime. Error
 * response bodies are read once and remembered against the response the SDK sees: the SDK keeps
 * only the fields it models, and the gateway preserves the provider's body as sent.
 */
export function createFetchHttpHandler(fetch: FetchFunction): FetchHttpHandlerWithErrorBodies {
  // Weakly held: an entry lives as long as the SDK error that references its response.
  const errorBodies = new WeakMap<object, string>();
  const handler: FetchHttpHandler = {
    async handle(request, options) {
      const signal = isAbortSignal(options?.abortSignal) ? options.abortSignal : undefined;
      // Like fetch itself, but before the request is made at all.
      if (signal?.aborted) throw signal.reason;
      const port = request.port === undefined ? '' : `:${request.port}`;
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${queryString(request.query)}`;
      // `host` is signed, and fetch derives the same value from the URL; runtimes refuse to set it.
      const { host: _host, ...headers } = request.headers;
      const body =
        request.method === 'GET' || request.method === 'HEAD'
          ? undefined
          : requestBody(request.body, request.headers['content-type']);
      const response = await fetch(url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(signal === undefined ? {} : { signal }),
      });
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        responseHeaders[key] = value;
      });
      const base = { statusCode: response.status, reason: response.statusText, headers: responseHeaders };
      if (response.ok) {
        return { response: { ...base, body: response.body ?? emptyStream() } };
      }
      const text = await response.text();
      const smithyResponse = { ...base, body: new Response(text).body ?? emptyStream() };
      errorBodies.set(smithyResponse, text);
      return { response: smithyResponse };
    },
    updateHttpClientConfig() {
      // Nothing to configure: timeouts and retries belong to the gateway.
    },
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
  return {
    handler,
    errorBodyFor(response) {
      const text = typeof response === 'object' && response !== null ? errorBodies.get(response) : undefined;
      if (text === undefined || text === '') return undefined;
      const parsed = safeParseJson(text);
      return parsed.success ? parsed.value : text;
    },
  };
}

const emptyStream = (): ReadableStream<Uint8Array> =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.close();
    },
  });
