import { isRecord, readArray, readRecord } from '../shared/json-readers.js';

/** A protobuf `Duration` in its JSON form (`"7s"`, `"34.412s"`) in milliseconds. */
const durationMs = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !/^\d+(\.\d+)?s$/.test(value)) return undefined;
  return Math.round(Number.parseFloat(value) * 1000);
};

/**
 * The `retryDelay` of a `google.rpc.RetryInfo` entry in a Google error body's `error.details`, in
 * milliseconds. Gemini sends it with RESOURCE_EXHAUSTED instead of a `retry-after` header.
 */
export function readGoogleRetryDelay(body: unknown): number | undefined {
  const error = isRecord(body) ? readRecord(body, 'error') : undefined;
  for (const detail of (error === undefined ? undefined : readArray(error, 'details')) ?? []) {
    if (!isRecord(detail)) continue;
    const type = detail['@type'];
    if (typeof type === 'string' && type.endsWith('google.rpc.RetryInfo'))
      return durationMs(detail.retryDelay);
  }
  return undefined;
}
