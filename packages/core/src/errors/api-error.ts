import { SwitchyardError } from './switchyard-error.js';

export interface APIErrorOptions {
  status: number;
  headers?: Record<string, string>;
  provider?: string;
  /** The provider's own error body, as received. */
  body?: unknown;
  code?: string | null;
  param?: string | null;
  type?: string;
  retryAfterMs?: number;
  /** Overrides the status-based default (408/409/429/5xx retryable), e.g. from `x-should-retry`. */
  isRetryable?: boolean;
  cause?: unknown;
}

const retryableStatus = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;

/** An error response from a provider (or a request the gateway rejected with an HTTP status). */
export class APIError extends SwitchyardError {
  static override readonly errorName: string = 'APIError';
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly provider: string | undefined;
  readonly body: unknown;
  readonly code: string | null;
  readonly param: string | null;
  readonly type: string;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: APIErrorOptions) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.headers = options.headers ?? {};
    this.provider = options.provider;
    this.body = options.body;
    this.code = options.code ?? null;
    this.param = options.param ?? null;
    this.type = options.type ?? defaultErrorType(options.status);
    this.isRetryable = options.isRetryable ?? retryableStatus(options.status);
    this.retryAfterMs = options.retryAfterMs;
  }
}

export const defaultErrorType = (status: number): string => {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
};

export class BadRequestError extends APIError {
  static override readonly errorName: string = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  static override readonly errorName: string = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  static override readonly errorName: string = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  static override readonly errorName: string = 'NotFoundError';
}
export class RequestTimeoutError extends APIError {
  static override readonly errorName: string = 'RequestTimeoutError';
}
export class ConflictError extends APIError {
  static override readonly errorName: string = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  static override readonly errorName: string = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  static override readonly errorName: string = 'RateLimitError';
}
export class InternalServerError extends APIError {
  static override readonly errorName: string = 'InternalServerError';
}
