import { safeParseJson } from '@switchyard/core';
import { decodeUtf8Exactly } from '../internal/decode-utf8-exactly.js';
import { encodeBase64 } from '../internal/encode-base64.js';
import { toJsonValue } from '../internal/to-json-value.js';
import type { CassetteBody } from './cassette.js';
import { JSON_BODY_LAYOUTS, layOutJsonBody } from './json-body-layout.js';

/**
 * Stores a body so it reads well in a diff and replays byte for byte: JSON as a value when one of the
 * usual layouts gives back the exact text (the layout is stored with it); other text as is; anything
 * that is not UTF-8 as base64. An empty body is stored as nothing.
 */
export function encodeBody(bytes: Uint8Array): CassetteBody {
  if (bytes.length === 0) return {};
  const text = decodeUtf8Exactly(bytes);
  if (text === undefined) return { bodyBase64: encodeBase64(bytes) };
  const parsed = safeParseJson(text);
  if (parsed.success && typeof parsed.value === 'object' && parsed.value !== null) {
    const body = toJsonValue(parsed.value);
    const layout = JSON_BODY_LAYOUTS.find((candidate) => layOutJsonBody(body, candidate) === text);
    if (layout !== undefined) return { body, ...layout };
  }
  return { bodyText: text };
}
