import Anthropic from '@anthropic-ai/sdk';
import {
  AbortError,
  APIConnectionError,
  createAPIError,
  SwitchyardError,
  TimeoutError,
} from '@switchyard/core';
import { readAnthropicErrorPayload } from './read-anthropic-error-payload.js';

export interface MapAnthropicErrorContext {
  /** The call's signal; once it has aborted, that abort is the error whatever the SDK threw. */
  signal?: AbortSignal;
  /** The SDK client's own timeout, reported when that (not the gateway's) fired. */
  timeoutMs: number;
  /** The raw error body captured for a response's headers (see `captureErrorBodies`). */
  errorBodyFor?: (headers: Headers | undefined) => unknown;
}

const provider = 'anthropic';

/**
 * Maps anything the `@anthropic-ai/sdk` client throws to the gateway's typed errors. Returned, not
 * thrown, so stream code can put it in an `error` part.
 */
export function mapAnthropicError(error: unknown, context: MapAnthropicErrorContext): SwitchyardError {
  const { signal } = context;
  // The gateway tells a timeout from a user abort by the signal's reason, so keep it as the cause.
  if (signal?.aborted) return new AbortError('Request was aborted.', { cause: signal.reason });
  if (SwitchyardError.isInstance(error)) return error;
  if (error instanceof Anthropic.APIUserAbortError)
    return new AbortError('Request was aborted.', { cause: error });
  if (error instanceof Anthropic.APIConnectionTimeoutError)
    return new TimeoutError(context.timeoutMs, { cause: error });
  if (error instanceof Anthropic.APIConnectionError) {
    return new APIConnectionError(`Could not reach ${provider}: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  if (error instanceof Anthropic.APIError) {
    if (error.status === undefined) {
      // An `error` event inside a 200 stream (e.g. overloaded_error): the SDK keeps the event's body.
      return (
        readAnthropicErrorPayload(error.error, error.headers) ??
        createAPIError({ status: 500, provider, message: error.message, cause: error })
      );
    }
    // The SDK keeps a JSON error body whole; the capture also has non-JSON bodies.
    const body = context.errorBodyFor?.(error.headers) ?? error.error;
    return createAPIError({
      status: error.status,
      provider,
      cause: error,
      ...(body === undefined ? {} : { body }),
      ...(error.headers === undefined ? {} : { headers: error.headers }),
    });
  }
  // The SDK parses response JSON (and each stream event) itself and lets the SyntaxError through.
  if (error instanceof SyntaxError) {
    return new APIConnectionError(`${provider} returned malformed JSON: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new APIConnectionError(`${provider} request failed: ${message}`, { provider, cause: error });
}
