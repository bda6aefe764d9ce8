import { type APIError, createAPIError } from '@switchyard/core';

/**
 * The error for a request value the provider's API cannot accept (the provider would answer 400).
 * Raised before any network call, so the caller gets the same typed error without the round trip.
 */
export function invalidRequestError(provider: string, param: string, message: string): APIError {
  return createAPIError({ status: 400, provider, message: `${message} (${param})` });
}
