import {
  AbortError,
  APIConnectionError,
  createAPIError,
  SwitchyardError,
  safeParseJson,
  TimeoutError,
} from '@switchyard/core';
import OpenAI from 'openai';
import { isRecord } from '../shared/json-readers.js';
import { replaceSecrets } from '../shared/replace-secrets.js';
import { readOpenAIErrorPayload } from './read-openai-error-payload.js';

export interface MapOpenAIErrorContext {
  provider: string;
  /** The call's signal; once it has aborted, that abort is the error whatever the SDK threw. */
  signal?: AbortSignal;
  /** The raw error body captured for a response's headers (see `captureErrorBodies`). */
  errorBodyFor?: (headers: Headers | undefined) => unknown;
  /** The SDK client's own timeout, reported when that (not the gateway's) fired. */
  timeoutMs: number;
  /**
   * The adapter's credentials, replaced in error payloads that arrive inside a 200 response (stream error
   * events; error responses are redacted by `redactSecretsFetch`). Default: none.
   */
  secrets?: ReadonlyArray<string>;
}

/** A parsed payload with the secrets replaced, matched as they appear inside JSON strings. */
const withoutSecrets = (value: unknown, secrets: ReadonlyArray<string> = []): unknown => {
  if (secrets.length === 0 || value === undefined) return value;
  const escaped = secrets.map((secret) => JSON.stringify(secret).slice(1, -1));
  const parsed = safeParseJson(replaceSecrets(JSON.stringify(value), escaped));
  return parsed.success ? parsed.value : undefined;
};

/**
 * Maps anything the `openai` SDK throws to the gateway's typed errors. The result is returned,
 * not thrown, so stream code can put it in an `error` part.
 */
export function mapOpenAIError(error: unknown, context: MapOpenAIErrorContext): SwitchyardError {
  const { provider, signal } = context;
  // The gateway tells a timeout from a user abort by the signal's reason, so keep it as the cause.
  if (signal?.aborted) return new AbortError('Request was aborted.', { cause: signal.reason });
  if (SwitchyardError.isInstance(error)) return error;
  if (error instanceof OpenAI.APIUserAbortError)
    return new AbortError('Request was aborted.', { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new TimeoutError(context.timeoutMs, { cause: error });
  if (error instanceof OpenAI.APIConnectionError) {
    return new APIConnectionError(`Could not reach ${provider}: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError) {
    if (error.status === undefined) {
      // An `error` event inside a 200 stream: the SDK keeps only the inner object.
      const payload = { error: withoutSecrets(error.error, context.secrets) };
      return (
        readOpenAIErrorPayload(payload, provider, error.headers) ??
        createAPIError({ status: 500, provider, cause: error })
      );
    }
    const captured = context.errorBodyFor?.(error.headers);
    const body = captured ?? (error.error === undefined ? undefined : { error: error.error });
    return createAPIError({
      status: error.status,
      provider,
      cause: error,
      ...(body === undefined ? {} : { body }),
      ...(error.headers === undefined ? {} : { headers: error.headers }),
    });
  }
  // The SDK parses response JSON itself and lets the SyntaxError through.
  if (error instanceof SyntaxError) {
    return new APIConnectionError(`${provider} returned malformed JSON: ${error.message}`, {
      provider,
      cause: error,
    });
  }
  const message =
    error instanceof Error ? error.message : isRecord(error) ? JSON.stringify(error) : String(error);
  return new APIConnectionError(`${provider} request failed: ${message}`, { provider, cause: error });
}
