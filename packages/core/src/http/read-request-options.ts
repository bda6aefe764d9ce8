import { BadRequestError } from '../errors/api-error.js';
import type { CacheRequestOptions, RequestOptions } from '../gateway/request-options.js';
import { safeParseJson } from '../internal/safe-parse-json.js';

const CACHE_MODES = new Set(['exact', 'semantic', 'off']);

const badHeader = (name: string, expected: string): BadRequestError =>
  new BadRequestError(`Invalid header '${name}': expected ${expected}.`, { status: 400, param: name });

const readMetadata = (raw: string): Record<string, string> => {
  const parsed = safeParseJson(raw);
  const value = parsed.success ? parsed.value : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badHeader('x-switchyard-metadata', 'a JSON object such as {"user_id":"u-1"}');
  }
  const metadata: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field !== 'string') throw badHeader('x-switchyard-metadata', `a string value for '${key}'`);
    metadata[key] = field;
  }
  return metadata;
};

const readPositiveInteger = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw badHeader(name, 'a non-negative integer');
  return value;
};

/** Reads the gateway's per-request options from `x-switchyard-*` headers. */
export function readRequestOptions(headers: Headers, signal: AbortSignal | undefined): RequestOptions {
  const options: RequestOptions = signal === undefined ? {} : { signal };
  const metadata = headers.get('x-switchyard-metadata');
  if (metadata !== null) options.metadata = readMetadata(metadata);
  const cache = headers.get('x-switchyard-cache');
  if (cache !== null) {
    if (!CACHE_MODES.has(cache)) throw badHeader('x-switchyard-cache', "'exact', 'semantic' or 'off'");
    options.cache = { mode: cache as NonNullable<CacheRequestOptions['mode']> };
  }
  const traceId = headers.get('x-switchyard-trace-id');
  if (traceId !== null) options.traceId = traceId;
  const timeout = readPositiveInteger(headers, 'x-switchyard-timeout');
  if (timeout !== undefined) options.timeout = timeout;
  const maxRetries = readPositiveInteger(headers, 'x-switchyard-max-retries');
  if (maxRetries !== undefined) options.maxRetries = maxRetries;
  return options;
}
