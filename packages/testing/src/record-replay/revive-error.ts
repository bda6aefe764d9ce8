import { APIConnectionError, createAPIError } from '@switchyard/core';
import type { StoredError } from './cassette.js';

/**
 * The error a stored one stands for, for adapters that make no HTTP calls: an HTTP error becomes the
 * typed error for its status (through `createAPIError`, as adapters build them), a connection error an
 * `APIConnectionError`, anything else an `Error` with the stored name and message.
 */
export function reviveError(stored: StoredError, provider: string): Error {
  if (stored.status !== undefined) {
    return createAPIError({
      status: stored.status,
      provider,
      message: stored.message,
      ...(stored.body === undefined ? {} : { body: stored.body }),
      ...(stored.headers === undefined ? {} : { headers: stored.headers }),
    });
  }
  if (stored.name === 'APIConnectionError') return new APIConnectionError(stored.message, { provider });
  const error = new Error(stored.message);
  error.name = stored.name;
  return error;
}
