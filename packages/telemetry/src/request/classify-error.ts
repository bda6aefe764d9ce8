import { AbortError, toOpenAIError } from '@switchyard/core';
import type { RequestStatus } from '../logs/request-log-record.js';

export interface ErrorClass {
  status: Exclude<RequestStatus, 'success'>;
  statusCode: number;
  /** The error class name, e.g. `RateLimitError`. */
  name: string;
  /** The OpenAI error type the gateway answers with. */
  type: string;
  code: string | null;
}

/** How a failed request is counted and logged; the status code is the one the HTTP handler would answer with. */
export function classifyError(error: unknown): ErrorClass {
  const { status, body } = toOpenAIError(error);
  const name = error instanceof Error ? error.name : typeof error;
  return {
    status: AbortError.isInstance(error) ? 'cancelled' : 'error',
    statusCode: status,
    name,
    type: body.error.type,
    code: body.error.code,
  };
}
