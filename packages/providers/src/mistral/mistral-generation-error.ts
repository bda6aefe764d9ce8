import { type APIError, createAPIError } from '@switchyard/core';

/**
 * The error for `finish_reason: "error"`: Mistral stopped generating because of a failure on its side.
 * It is a retryable server error rather than a normal finish, so the gateway can retry or fall back.
 */
export function mistralGenerationError(provider: string, body: unknown): APIError {
  return createAPIError({
    status: 500,
    provider,
    body,
    message: `${provider} stopped generating with finish_reason "error".`,
  });
}
