import { stableStringify } from '../internal/stable-stringify.js';
import type { CanonicalRequest } from './canonical-request.js';

const encoder = new TextEncoder();

/** SHA-256 (hex) of the canonical request with sorted keys: equal requests, equal keys, on every runtime. */
export async function hashCanonicalRequest(canonical: CanonicalRequest): Promise<string> {
  const text = stableStringify({ kind: canonical.kind, request: canonical.request });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
