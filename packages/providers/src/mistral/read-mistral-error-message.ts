import { isRecord, readArray, readString } from '../shared/json-readers.js';

/** `body.messages.0.user.name: Extra inputs are not permitted` for one FastAPI validation entry. */
const describeValidationEntry = (entry: unknown): string | undefined => {
  if (!isRecord(entry)) return undefined;
  const msg = readString(entry, 'msg');
  if (msg === undefined) return undefined;
  const loc = (readArray(entry, 'loc') ?? []).map(String).join('.');
  return loc === '' ? msg : `${loc}: ${msg}`;
};

const describeDetail = (detail: unknown): string | undefined => {
  if (!Array.isArray(detail)) return undefined;
  const entries = detail.map(describeValidationEntry).filter((entry) => entry !== undefined);
  return entries.length === 0 ? undefined : entries.join('; ');
};

/**
 * A readable message for a Mistral error body. Mistral answers `{ object: 'error', message, type, code }`,
 * but its 422 validation errors carry FastAPI's `detail` list: as `message.detail`, as `detail` (with
 * `message` the same list) or bare. Returns undefined when `message` is already a string, which
 * `createAPIError` reads itself.
 */
export function readMistralErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const message = body.message;
  if (typeof message === 'string') return undefined;
  const detail =
    describeDetail(body.detail) ??
    describeDetail(message) ??
    (isRecord(message) ? describeDetail(message.detail) : undefined);
  return detail === undefined ? undefined : `Invalid request: ${detail}`;
}
