import { type APIError, createAPIError } from '@switchyard/core';

/**
 * The typed error for a response that finished with `ERROR` or `TIMEOUT` (a failure on Cohere's side,
 * reported with HTTP 200), or undefined for any other finish reason. Retryable, so the gateway can retry
 * or fall back.
 */
export function cohereGenerationError(
  provider: string,
  finishReason: string | undefined,
  body: unknown,
  detail?: string,
): APIError | undefined {
  if (finishReason !== 'ERROR' && finishReason !== 'TIMEOUT') return undefined;
  return createAPIError({
    status: finishReason === 'TIMEOUT' ? 504 : 500,
    provider,
    body,
    message: detail ?? `${provider} stopped generating with finish_reason ${finishReason}.`,
  });
}
