/** Replaces every secret and redacted field in a cassette. */
export const REDACTED = '[REDACTED]';

/** Headers that carry credentials; their values never reach a cassette. */
export const SECRET_HEADERS: ReadonlyArray<string> = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-amz-security-token',
  'cookie',
  'set-cookie',
];

/** Query parameters that carry credentials (Gemini's `key`, signed URLs…). */
export const SECRET_QUERY_PARAMS: ReadonlyArray<string> = [
  'key',
  'api_key',
  'api-key',
  'apikey',
  'access_token',
  'token',
  'sig',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];

/**
 * Request headers left out because they change from run to run or machine to machine and would make
 * every re-recording a diff: SDK platform headers, lengths, the per-request idempotency key, trace context.
 */
export const isVolatileRequestHeader = (name: string): boolean =>
  name === 'user-agent' ||
  name === 'content-length' ||
  name === 'idempotency-key' ||
  name === 'traceparent' ||
  name === 'tracestate' ||
  name === 'x-amz-date' ||
  name === 'amz-sdk-invocation-id' ||
  name === 'amz-sdk-request' ||
  name.startsWith('x-stainless-');

/**
 * Response headers about the transfer rather than the answer (the body is stored decoded), and the
 * `date` that would make every re-recording a diff.
 */
export const isTransferHeader = (name: string): boolean =>
  name === 'content-encoding' ||
  name === 'content-length' ||
  name === 'transfer-encoding' ||
  name === 'connection' ||
  name === 'keep-alive' ||
  name === 'date';

/** Environment variables whose values are scrubbed from cassettes wherever they appear. */
export const SECRET_ENV_NAME = /(?:API_KEY|_TOKEN|_SECRET|SECRET_ACCESS_KEY)$/i;
