import { BadRequestError } from '../errors/api-error.js';
import type { CacheRequestOptions, RequestOptions } from '../gateway/request-options.js';
import { safeParseJson } from '../internal/safe-parse-json.js';

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

const readPromptVariables = (raw: string): Record<string, unknown> => {
  const parsed = safeParseJson(raw);
  const value = parsed.success ? parsed.value : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badHeader('x-switchyard-prompt-variables', 'a JSON object such as {"ticket_content":"…"}');
  }
  return Object.fromEntries(Object.entries(value));
};

const readPositiveInteger = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw badHeader(name, 'a non-negative integer');
  return value;
};

const readCacheOptions = (headers: Headers): CacheRequestOptions | undefined => {
  const mode = headers.get('x-switchyard-cache');
  const ttl = readPositiveInteger(headers, 'x-switchyard-cache-ttl');
  const refresh = headers.get('x-switchyard-cache-force-refresh');
  if (mode === null && ttl === undefined && refresh === null) return undefined;
  const options: CacheRequestOptions = {};
  if (mode !== null) {
    if (mode !== 'exact' && mode !== 'semantic' && mode !== 'off') {
      throw badHeader('x-switchyard-cache', "'exact', 'semantic' or 'off'");
    }
    options.mode = mode;
  }
  if (ttl !== undefined) options.ttl = ttl;
  if (refresh !== null) {
    if (refresh !== 'true' && refresh !== 'false')
      throw badHeader('x-switchyard-cache-force-refresh', "'true' or 'false'");
    options.forceRefresh = refresh === 'true';
  }
  return options;
};

/** Reads the gateway's per-request options from `x-switchyard-*` headers. */
export function readRequestOptions(headers: Headers, signal: AbortSignal | undefined): RequestOptions {
  const options: RequestOptions = signal === undefined ? {} : { signal };
  const metadata = headers.get('x-switchyard-metadata');
  if (metadata !== null) options.metadata = readMetadata(metadata);
  const cache = readCacheOptions(headers);
  if (cache !== undefined) options.cache = cache;
  const traceparent = headers.get('traceparent');
  if (traceparent !== null) options.traceparent = traceparent;
  const tracestate = headers.get('tracestate');
  if (tracestate !== null) options.tracestate = tracestate;
  const traceId = headers.get('x-switchyard-trace-id');
  if (traceId !== null) options.traceId = traceId;
  const timeout = readPositiveInteger(headers, 'x-switchyard-timeout');
  if (timeout !== undefined) options.timeout = timeout;
  const maxRetries = readPositiveInteger(headers, 'x-switchyard-max-retries');
  if (maxRetries !== undefined) options.maxRetries = maxRetries;
  const promptVariables = headers.get('x-switchyard-prompt-variables');
  if (promptVariables !== null) options.promptVariables = readPromptVariables(promptVariables);
  return options;
}
