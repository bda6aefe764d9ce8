import {
  MistralError,
  ResponseValidationError,
  SDKValidationError,
} from '@mistralai/mistralai/models/errors';
import {
  AbortError,
  APIConnectionError,
  createAPIError,
  SwitchyardError,
  safeParseJson,
} from '@switchyard/core';
import { readMistralErrorMessage } from './read-mistral-error-message.js';

export interface MapMistralErrorContext {
  provider: string;
  /** The call's signal; once it has aborted, that abort is the error whatever the SDK threw. */
  signal?: AbortSignal;
}

const parseBody = (text: string): unknown => {
  if (text === '') return undefined;
  const parsed = safeParseJson(text);
  return parsed.success ? parsed.value : text;
};

/**
 * Maps anything the Mistral SDK throws to the gateway's typed errors. Returned, not thrown, so stream
 * code can put it in an `error` part.
 */
export function mapMistralError(error: unknown, context: MapMistralErrorContext): SwitchyardError {
  const { provider, signal } = context;
  // The gateway tells a timeout from a user abort by the signal's reason, so keep it as the cause.
  if (signal?.aborted) return new AbortError('Request was aborted.', { cause: signal.reason });
  if (SwitchyardError.isInstance(error)) return error;
  // A 2xx body the SDK's schema rejects: the response, not the request, is broken.
  if (error instanceof ResponseValidationError) {
    return new APIConnectionError(`${provider} returned a malformed response: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  if (error instanceof MistralError) {
    const body = parseBody(error.body);
    const message = readMistralErrorMessage(body);
    return createAPIError({
      status: error.statusCode,
      provider,
      headers: error.headers,
      cause: error,
      ...(body === undefined ? {} : { body }),
      ...(message === undefined ? {} : { message }),
    });
  }
  // The SDK validates the request before sending it; nothing reached Mistral.
  if (error instanceof SDKValidationError) {
    return createAPIError({
      status: 400,
      provider,
      message: `The request does not fit Mistral's API: ${error.message}`,
      cause: error,
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
