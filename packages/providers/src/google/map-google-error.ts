import { ApiError } from '@google/genai';
import {
  AbortError,
  APIConnectionError,
  type APIError,
  createAPIError,
  InternalServerError,
  RateLimitError,
  SwitchyardError,
  safeParseJson,
} from '@switchyard/core';
import type { GoogleErrorResponse } from './capture-google-error-response.js';
import { readGoogleRetryDelay } from './read-google-retry-delay.js';

export interface MapGoogleErrorContext {
  provider: string;
  /** The call's signal; once it has aborted, that abort is the error whatever the SDK threw. */
  signal?: AbortSignal;
  /** The call's captured error response (see `captureGoogleErrorResponse`). */
  errorResponse?: () => GoogleErrorResponse | undefined;
}

/**
 * The typed error for a Google error status and body. Gemini signals when to retry with a
 * `google.rpc.RetryInfo` detail (e.g. on RESOURCE_EXHAUSTED) rather than a header, so that delay
 * becomes `retryAfterMs` when no `retry-after` header gave one.
 */
export function createGoogleAPIError(input: {
  status: number;
  body: unknown;
  headers?: Headers;
  provider: string;
  cause?: unknown;
}): APIError {
  const error = createAPIError(input);
  const delay = readGoogleRetryDelay(input.body);
  if (delay === undefined || error.retryAfterMs !== undefined) return error;
  // createAPIError takes the delay from headers only; the same class is rebuilt with the body's delay.
  const ErrorClass = RateLimitError.isInstance(error)
    ? RateLimitError
    : InternalServerError.isInstance(error)
      ? InternalServerError
      : undefined;
  if (ErrorClass === undefined) return error;
  return new ErrorClass(error.message, {
    status: error.status,
    headers: error.headers,
    body: error.body,
    type: error.type,
    isRetryable: error.isRetryable,
    retryAfterMs: delay,
    ...(error.provider === undefined ? {} : { provider: error.provider }),
    ...(error.code === null ? {} : { code: error.code }),
    ...(error.param === null ? {} : { param: error.param }),
    ...(input.cause === undefined ? {} : { cause: input.cause }),
  });
}

/**
 * The body of an error event inside a 200 stream. The SDK throws it as `ApiError` with the event's JSON
 * in the message (`got status: UNAVAILABLE. {"error":…}`), so the JSON is read back from there.
 */
function streamErrorBody(message: string): unknown {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  const parsed = safeParseJson(message.slice(start));
  return parsed.success ? parsed.value : undefined;
}

const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';

/**
 * Maps anything the `@google/genai` SDK throws to the gateway's typed errors. The result is returned,
 * not thrown, so stream code can put it in an `error` part.
 */
export function mapGoogleError(error: unknown, context: MapGoogleErrorContext): SwitchyardError {
  const { provider, signal } = context;
  // The gateway tells a timeout from a user abort by the signal's reason, so keep it as the cause.
  if (signal?.aborted) return new AbortError('Request was aborted.', { cause: signal.reason });
  if (SwitchyardError.isInstance(error)) return error;
  if (error instanceof ApiError) {
    const captured = context.errorResponse?.();
    if (captured !== undefined && captured.status === error.status) {
      return createGoogleAPIError({ ...captured, provider, cause: error });
    }
    const body = streamErrorBody(error.message);
    return createGoogleAPIError({
      status: error.status,
      body: body ?? error.message,
      provider,
      cause: error,
    });
  }
  if (isAbort(error)) return new AbortError('Request was aborted.', { cause: error });
  // The SDK parses response JSON itself and lets the SyntaxError through.
  if (error instanceof SyntaxError) {
    return new APIConnectionError(`${provider} returned malformed JSON: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new APIConnectionError(`${provider} request failed: ${message}`, { provider, cause: error });
}
