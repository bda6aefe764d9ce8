import { decodeBase64 } from '../internal/decode-base64.js';
import type { CassetteBody } from './cassette.js';
import { layOutJsonBody } from './json-body-layout.js';

const encoder = new TextEncoder();

/** The exact bytes `encodeBody` stored, or null for an empty body. */
export function decodeBody(stored: CassetteBody): Uint8Array<ArrayBuffer> | null {
  if (stored.bodyBase64 !== undefined) return decodeBase64(stored.bodyBase64);
  if (stored.bodyText !== undefined) return encoder.encode(stored.bodyText);
  if (stored.body === undefined) return null;
  return encoder.encode(layOutJsonBody(stored.body, stored));
}
