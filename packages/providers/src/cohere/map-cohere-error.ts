import {
  AbortError,
  APIConnectionError,
  createAPIError,
  SwitchyardError,
  TimeoutError,
} from '@switchyard/core';
import { CohereError, CohereTimeoutError } from 'cohere-ai';

export interface MapCohereErrorContext {
  provider: string;
  /** The call's signal; once it has aborted, that abort is the error whatever the SDK threw. */
  signal?: AbortSignal;
  /** The SDK client's own timeout, reported when that (not the gateway's) fired. */
  timeoutMs: number;
}

/**
 * Maps anything the Cohere SDK throws to the gateway's typed errors. Cohere's error bodies are
 * `{ id?, message }`; the SDK keeps them parsed (or as text) on `CohereError.body`, with the response's
 * headers on `rawResponse`. Returned, not thrown, so stream code can put it in an `error` part.
 */
export function mapCohereError(error: unknown, context: MapCohereErrorContext): SwitchyardError {
  const { provider, signal } = context;
  // The gateway tells a timeout from a user abort by the signal's reason, so keep it as the cause.
  if (signal?.aborted) return new AbortError('Request was aborted.', { cause: signal.reason });
  if (SwitchyardError.isInstance(error)) return error;
  if (error instanceof CohereTimeoutError) return new TimeoutError(context.timeoutMs, { cause: error });
  if (error instanceof CohereError) {
    const status = error.statusCode;
    // No status: the request never got an answer (network failure, or a 2xx body that is not JSON).
    if (status === undefined || status < 400) {
      return new APIConnectionError(`${provider} request failed: ${error.message}`, {
        provider,
        cause: error,
      });
    }
    return createAPIError({
      status,
      provider,
      cause: error,
      ...(error.body === undefined ? {} : { body: error.body }),
      ...(error.rawResponse === undefined ? {} : { headers: error.rawResponse.headers }),
    });
  }
  if (error instanceof SyntaxError) {
    return new APIConnectionError(`${provider} returned malformed JSON: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new APIConnectionError(`${provider} request failed: ${message}`, { provider, cause: error });
}
