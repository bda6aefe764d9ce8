import { type APIError, createAPIError } from '@switchyard/core';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';
import { statusForAnthropicErrorType } from './status-for-anthropic-error-type.js';

/**
 * The typed error for an Anthropic error payload (`{ type: 'error', error: { type, message } }`)
 * that arrived with HTTP 200: a stream `error` event or an error body. Undefined when the payload
 * is not an error.
 */
export function readAnthropicErrorPayload(payload: unknown, headers?: Headers): APIError | undefined {
  if (!isRecord(payload) || readString(payload, 'type') !== 'error') return undefined;
  const type = readString(readRecord(payload, 'error') ?? {}, 'type');
  return createAPIError({
    status: statusForAnthropicErrorType(type),
    body: payload,
    provider: 'anthropic',
    ...(headers === undefined ? {} : { headers }),
  });
}
