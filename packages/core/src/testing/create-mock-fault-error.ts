import type { APIError } from '../errors/api-error.js';
import { createAPIError } from '../errors/create-api-error.js';
import { APIConnectionError } from '../errors/gateway-errors.js';
import type { MockConnectionFault, MockStatusFault } from './mock-reply.js';

/**
 * The typed error a fault stands for, built exactly as a real adapter would build it (through
 * `createAPIError`), so retry and fallback code sees the same classes and `retryAfterMs`.
 */
export function createMockFaultError(
  failure: MockStatusFault | MockConnectionFault | 'connection-reset',
  provider: string,
): APIError | APIConnectionError {
  if (failure === 'connection-reset') {
    return new APIConnectionError('Connection reset by peer (mock provider).', { provider });
  }
  if ('connectionError' in failure) {
    return new APIConnectionError(failure.message ?? 'Connection error (mock provider).', { provider });
  }
  return createAPIError({
    status: failure.status,
    body: failure.body,
    provider,
    ...(failure.headers === undefined ? {} : { headers: failure.headers }),
    ...(failure.message === undefined ? {} : { message: failure.message }),
  });
}
