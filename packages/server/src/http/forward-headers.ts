import { BadRequestError, safeParseJson } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import type { GatewayKey } from './auth/key-store.js';

const readClientMetadata = (raw: string | null): Record<string, unknown> => {
  if (raw === null) return {};
  const parsed = safeParseJson(raw);
  if (!parsed.success || !isRecord(parsed.value)) {
    throw new BadRequestError(
      'Invalid header \'x-switchyard-metadata\': expected a JSON object such as {"user_id":"u-1"}.',
      { status: 400, param: 'x-switchyard-metadata' },
    );
  }
  return parsed.value;
};

/**
 * The headers the gateway gets: only `x-switchyard-*` options and the content type (the caller's
 * `Authorization` never enters the pipeline), the key's metadata merged over the caller's (so a caller
 * cannot claim another key's `api_key_id`, which also namespaces the cache), and a trace id.
 */
export function forwardHeaders(incoming: Headers, key: GatewayKey | undefined, traceId: string): Headers {
  const headers = new Headers({ 'content-type': 'application/json', 'x-switchyard-trace-id': traceId });
  for (const [name, value] of incoming) {
    if (
      name.startsWith('x-switchyard-') &&
      name !== 'x-switchyard-trace-id' &&
      name !== 'x-switchyard-metadata'
    ) {
      headers.set(name, value);
    }
  }
  const clientMetadata = readClientMetadata(incoming.get('x-switchyard-metadata'));
  const metadata =
    key === undefined ? clientMetadata : { ...clientMetadata, ...key.metadata, api_key_id: key.id };
  if (Object.keys(metadata).length > 0) headers.set('x-switchyard-metadata', toAsciiJson(metadata));
  return headers;
}

/**
 * JSON with every character outside ASCII written as a `\u` escape: a header value carries only Latin-1,
 * and metadata (`team: データ` on a key, or escapes the caller sent) may hold any text.
 */
const toAsciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
