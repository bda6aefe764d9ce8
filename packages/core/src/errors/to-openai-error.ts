import { APIError } from './api-error.js';
import {
  AbortError,
  AllTargetsFailedError,
  APIConnectionError,
  BudgetExceededError,
  CircuitOpenError,
  GuardrailViolationError,
  InvalidConfigError,
  TimeoutError,
} from './gateway-errors.js';

export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

export interface OpenAIErrorResponse {
  status: number;
  body: OpenAIErrorBody;
}

const body = (message: string, type: string, code: string | null = null, param: string | null = null) => ({
  error: { message, type, code, param },
});

/** Maps any thrown value to the HTTP status and OpenAI error JSON the gateway answers with. */
export function toOpenAIError(error: unknown): OpenAIErrorResponse {
  if (APIError.isInstance(error)) {
    return { status: error.status, body: body(error.message, error.type, error.code, error.param) };
  }
  if (AllTargetsFailedError.isInstance(error)) {
    const statuses = new Set(error.errors.map((cause) => toOpenAIError(cause).status));
    const [only] = statuses;
    const status = statuses.size === 1 && only !== undefined ? only : 502;
    return { status, body: body(error.message, 'all_targets_failed', 'all_targets_failed') };
  }
  if (TimeoutError.isInstance(error)) return { status: 504, body: body(error.message, 'timeout', 'timeout') };
  if (AbortError.isInstance(error)) return { status: 499, body: body(error.message, 'aborted', 'aborted') };
  if (APIConnectionError.isInstance(error)) {
    return { status: 502, body: body(error.message, 'api_connection_error', 'connection_error') };
  }
  if (GuardrailViolationError.isInstance(error)) {
    return { status: 400, body: body(error.message, 'guardrail_violation', error.violation.check) };
  }
  if (BudgetExceededError.isInstance(error)) {
    return { status: 429, body: body(error.message, 'budget_exceeded', 'budget_exceeded') };
  }
  if (CircuitOpenError.isInstance(error)) {
    return { status: 503, body: body(error.message, 'circuit_open', 'circuit_open') };
  }
  if (InvalidConfigError.isInstance(error)) {
    // A misconfiguration met at request time (a prompt file, a guardrail, a provider's credentials) is the
    // server's fault, so a 500. Its message is written for the operator and names options and environment
    // variables, not secret values.
    return {
      status: 500,
      body: body(`Gateway configuration error: ${error.message}`, 'invalid_config', 'gateway_misconfigured'),
    };
  }
  // Unknown failures keep their details out of the response; they are logged where they happened.
  return { status: 500, body: body('Internal gateway error.', 'api_error', 'internal_error') };
}
