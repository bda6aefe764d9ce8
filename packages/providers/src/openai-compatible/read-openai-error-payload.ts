import { type APIError, createAPIError } from '@switchyard/core';
import { isRecord } from '../shared/json-readers.js';

// OpenRouter puts the upstream HTTP status in `error.code`; without one the failure is the server's.
const statusOf = (error: unknown): number => {
  const code = isRecord(error) ? error.code : undefined;
  const status = typeof code === 'number' ? code : typeof code === 'string' ? Number(code) : Number.NaN;
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
};

/**
 * The typed error for an OpenAI-style `{ error: {...} }` payload that arrived with HTTP 200
 * (a completion body or a stream event); undefined when the payload carries no error.
 */
export function readOpenAIErrorPayload(
  payload: Record<string, unknown>,
  provider: string,
  headers?: Headers,
): APIError | undefined {
  if (payload.error === undefined || payload.error === null) return undefined;
  return createAPIError({
    status: statusOf(payload.error),
    body: payload,
    provider,
    ...(headers === undefined ? {} : { headers }),
  });
}
