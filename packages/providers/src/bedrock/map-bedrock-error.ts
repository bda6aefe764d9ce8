import { AbortError, APIConnectionError, createAPIError, SwitchyardError } from '@switchyard/core';
import { isRecord, readNumber, readRecord, readString } from '../shared/json-readers.js';

export interface MapBedrockErrorContext {
  provider: string;
  /** The call's signal; once it has aborted, that abort is the error whatever the SDK threw. */
  signal?: AbortSignal;
  /** The raw body of the error response the SDK error references (see `createFetchHttpHandler`). */
  errorBodyFor?: (response: unknown) => unknown;
}

/** Status for Bedrock's modelled exceptions, also when one arrives as a stream event (no HTTP status). */
function statusForException(name: string, error: Record<string, unknown>): number | undefined {
  switch (name) {
    case 'ThrottlingException':
      return 429;
    case 'ServiceUnavailableException':
    // Bedrock sends ModelNotReadyException with 429, but it means the model is still loading: retry later.
    case 'ModelNotReadyException':
      return 503;
    case 'InternalServerException':
      return 500;
    case 'ValidationException':
      return 400;
    case 'AccessDeniedException':
      return 403;
    case 'ResourceNotFoundException':
      return 404;
    case 'ModelTimeoutException':
      return 408;
    case 'ConflictException':
      return 409;
    case 'ModelStreamErrorException':
    case 'ModelErrorException': {
      // The model failed behind Bedrock (which answers 424); its own status says whether a retry helps.
      const original = readNumber(error, 'originalStatusCode');
      return original !== undefined && original >= 400 && original <= 599 ? original : 502;
    }
    default:
      return undefined;
  }
}

/** An exception's modelled fields, which is what the service sent as its JSON body or event payload. */
function exceptionBody(error: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key.startsWith('$') || key === 'name' || value === undefined) continue;
    body[key] = value;
  }
  if (typeof error.message === 'string') body.message = error.message;
  return body;
}

const stringHeaders = (value: unknown): Record<string, string> | undefined => {
  if (!isRecord(value)) return undefined;
  const headers: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') headers[key] = item;
  return headers;
};

/**
 * Maps anything the AWS SDK throws to the gateway's typed errors: Bedrock's exceptions (HTTP errors
 * and exception events inside a stream) become `createAPIError` errors with the body the service
 * sent; failures without a response become `APIConnectionError`; aborts become `AbortError`. The
 * result is returned, not thrown, so stream code can put it in an `error` part.
 */
export function mapBedrockError(error: unknown, context: MapBedrockErrorContext): SwitchyardError {
  const { provider, signal } = context;
  // The gateway tells a timeout from a user abort by the signal's reason, so keep it as the cause.
  if (signal?.aborted) return new AbortError('Request was aborted.', { cause: signal.reason });
  if (SwitchyardError.isInstance(error)) return error;
  if (!isRecord(error)) {
    return new APIConnectionError(`${provider} request failed: ${String(error)}`, { provider, cause: error });
  }
  const name = readString(error, 'name') ?? '';
  const message = readString(error, 'message') ?? '';
  const metadata = readRecord(error, '$metadata');
  const response = error.$response;
  const wireStatus = metadata === undefined ? undefined : readNumber(metadata, 'httpStatusCode');
  // A modelled exception: an HTTP error response, or an exception event mid-stream.
  const isServiceException = typeof error.$fault === 'string' || wireStatus !== undefined;
  const status =
    statusForException(name, error) ??
    (isServiceException && wireStatus !== undefined && wireStatus >= 400 ? wireStatus : undefined);

  if (status !== undefined) {
    const captured = context.errorBodyFor?.(response);
    const headers = isRecord(response) ? stringHeaders(response.headers) : undefined;
    return createAPIError({
      status,
      provider,
      body: captured ?? exceptionBody(error),
      message: message === '' ? `${provider} returned ${name || `HTTP ${status}`}.` : message,
      cause: error,
      ...(headers === undefined ? {} : { headers }),
    });
  }
  if (name === 'AbortError') return new AbortError('Request was aborted.', { cause: error });
  // The SDK lets JSON parse failures through, with the response attached.
  if (name === 'SyntaxError' || response !== undefined) {
    return new APIConnectionError(`${provider} returned a malformed response: ${message}`, {
      provider,
      cause: error,
    });
  }
  return new APIConnectionError(`${provider} request failed: ${message || name}`, { provider, cause: error });
}
