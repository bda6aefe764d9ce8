import type { CassetteHttpRequest } from './cassette.js';
import { encodeBody } from './encode-body.js';
import { recordHeaders } from './record-headers.js';
import { redactUrl } from './redact-url.js';
import { isVolatileRequestHeader } from './redaction-defaults.js';
import type { RedactionSettings } from './redaction-settings.js';
import type { SecretCollector } from './secret-collector.js';

const encoder = new TextEncoder();

const bodyBytes = async (
  body: BodyInit | null | undefined,
  request: Request | undefined,
): Promise<Uint8Array | string> => {
  if (body === undefined || body === null) {
    if (request?.body == null) return new Uint8Array();
    return new Uint8Array(await request.clone().arrayBuffer());
  }
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof URLSearchParams) return encoder.encode(body.toString());
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  // A stream or form data can be read only once, and the provider call needs it.
  return `[a ${body.constructor.name} body is not recorded]`;
};

/**
 * The HTTP request an adapter made, as a cassette stores it: method, URL with credentials redacted,
 * headers minus secrets and volatile ones, and the body (read from a copy; the request is not consumed).
 */
export async function recordHttpRequest(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  redaction: RedactionSettings,
  secrets: SecretCollector,
): Promise<CassetteHttpRequest> {
  const request = input instanceof Request ? input : undefined;
  const url = request?.url ?? (input instanceof URL ? input.href : String(input));
  const headers = new Headers(request?.headers);
  for (const [name, value] of new Headers(init?.headers)) headers.set(name, value);
  const body = await bodyBytes(init?.body, request);
  return {
    method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
    url: redactUrl(url, redaction, secrets),
    headers: recordHeaders(headers, redaction, secrets, isVolatileRequestHeader),
    ...(typeof body === 'string' ? { bodyText: body } : encodeBody(body)),
  };
}
