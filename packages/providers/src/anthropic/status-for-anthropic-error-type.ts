/**
 * The HTTP status Anthropic uses for each error `type`. An error event inside a 200 stream carries
 * only the type, so this is how it gets the status (and retry behaviour) it would have had as a
 * response: `overloaded_error` is 529, retryable like any 5xx.
 */
export function statusForAnthropicErrorType(type: string | undefined): number {
  switch (type) {
    case 'invalid_request_error':
      return 400;
    case 'authentication_error':
      return 401;
    case 'billing_error':
      return 402;
    case 'permission_error':
      return 403;
    case 'not_found_error':
      return 404;
    case 'request_too_large':
      return 413;
    case 'rate_limit_error':
      return 429;
    case 'timeout_error':
      return 504;
    case 'overloaded_error':
      return 529;
    default:
      // `api_error` and types added later: a failure on Anthropic's side.
      return 500;
  }
}
