import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  UnprocessableEntityError,
} from './api-error.js';
import { parseRetryAfter } from './parse-retry-after.js';

export interface CreateAPIErrorInput {
  status: number;
  /** The parsed error body; OpenAI-style `{ error: { message, type, code, param } }` is read when present. */
  body?: unknown;
  headers?: Headers | Record<string, string>;
  provider?: string;
  /** Used when the body carries no message. */
  message?: string;
  cause?: unknown;
}

const errorClassFor = (status: number): typeof APIError => {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 408:
      return RequestTimeoutError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
};

const toHeaderRecord = (headers: Headers | Record<string, string> | undefined): Record<string, string> => {
  if (headers === undefined) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
};

const readString = (value: unknown, key: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
};

/** The one place that turns an HTTP status, body and headers into the matching typed error. */
export function createAPIError(input: CreateAPIErrorInput): APIError {
  const headers = toHeaderRecord(input.headers);
  const inner =
    typeof input.body === 'object' && input.body !== null && 'error' in input.body
      ? input.body.error
      : input.body;
  const message =
    readString(inner, 'message') ??
    (typeof inner === 'string' ? inner : undefined) ??
    input.message ??
    `${input.provider ?? 'Provider'} returned HTTP ${input.status}.`;
  const ErrorClass = errorClassFor(input.status);
  const code = readString(inner, 'code');
  const param = readString(inner, 'param');
  const type = readString(inner, 'type');
  const retryAfterMs = parseRetryAfter(headers);
  // Providers (OpenAI, Anthropic) say explicitly when retrying is pointless, e.g. a spend cap's 429.
  const shouldRetry = headers['x-should-retry'];
  const isRetryable = shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined;
  return new ErrorClass(message, {
    status: input.status,
    headers,
    body: input.body,
    ...(input.provider === undefined ? {} : { provider: input.provider }),
    ...(code === undefined ? {} : { code }),
    ...(param === undefined ? {} : { param }),
    ...(type === undefined ? {} : { type }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(isRetryable === undefined ? {} : { isRetryable }),
    ...(input.cause === undefined ? {} : { cause: input.cause }),
  });
}
