import type { FetchFunction } from '@switchyard/core';
import { AlertDeliveryError } from './alert-delivery-error.js';

const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** POSTs JSON; any 2xx is delivered, 408/429/5xx and network errors are retryable, other statuses are not. */
export async function postJson(
  channel: string,
  fetchFn: FetchFunction,
  url: string,
  body: unknown,
  signal: AbortSignal,
  headers: Readonly<Record<string, string>> = {},
): Promise<void> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    throw new AlertDeliveryError(`${channel} alert could not be sent: ${String(error)}`, channel, true, {
      cause: error,
    });
  }
  // Drain the body so the connection can be reused.
  await response.text().catch(() => '');
  if (!response.ok) {
    throw new AlertDeliveryError(
      `${channel} alert was rejected with HTTP ${response.status}.`,
      channel,
      retryableStatus(response.status),
    );
  }
}
