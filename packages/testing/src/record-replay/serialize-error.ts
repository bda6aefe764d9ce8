import { APIError } from '@switchyard/core';
import { toJsonValue } from '../internal/to-json-value.js';
import type { StoredError } from './cassette.js';

/** An adapter's error as a cassette stores it: class name, message and, for HTTP errors, status, headers, body. */
export function serializeError(error: unknown): StoredError {
  if (APIError.isInstance(error)) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      headers: error.headers,
      ...(error.body === undefined ? {} : { body: toJsonValue(error.body) }),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
