import type { AttemptRecord } from '../types/switchyard-metadata.js';
import { SwitchyardError, type SwitchyardErrorOptions } from './switchyard-error.js';

/** No response arrived from the provider: DNS, refused or reset connection, malformed response. */
export class APIConnectionError extends SwitchyardError {
  static override readonly errorName: string = 'APIConnectionError';
  readonly isRetryable = true;
  readonly provider: string | undefined;
  constructor(message: string, options: SwitchyardErrorOptions & { provider?: string } = {}) {
    super(message, options);
    this.provider = options.provider;
  }
}

/** The request (or one attempt of it) ran past its `timeout`. */
export class TimeoutError extends SwitchyardError {
  static override readonly errorName: string = 'TimeoutError';
  readonly isRetryable = true;
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options: SwitchyardErrorOptions = {}) {
    super(`Request timed out after ${timeoutMs} ms.`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request through its `signal`. */
export class AbortError extends SwitchyardError {
  static override readonly errorName: string = 'AbortError';
  readonly isRetryable = false;
  constructor(message = 'Request was aborted.', options: SwitchyardErrorOptions = {}) {
    super(message, options);
  }
}

export interface GuardrailViolation {
  /** The check that failed, e.g. `pii`. */
  check: string;
  /** What the guardrail did, e.g. `block`. */
  action: string;
  /** `input` or `output`. */
  stage: 'input' | 'output';
}

export class GuardrailViolationError extends SwitchyardError {
  static override readonly errorName: string = 'GuardrailViolationError';
  readonly isRetryable = false;
  readonly violation: GuardrailViolation;
  constructor(message: string, violation: GuardrailViolation, options: SwitchyardErrorOptions = {}) {
    super(message, options);
    this.violation = violation;
  }
}

export class BudgetExceededError extends SwitchyardError {
  static override readonly errorName: string = 'BudgetExceededError';
  readonly isRetryable = false;
  readonly budget: string;
  constructor(message: string, budget: string, options: SwitchyardErrorOptions = {}) {
    super(message, options);
    this.budget = budget;
  }
}

/** The target's circuit breaker is open; the provider was not called. */
export class CircuitOpenError extends SwitchyardError {
  static override readonly errorName: string = 'CircuitOpenError';
  readonly isRetryable = true;
  readonly target: string;
  constructor(target: string, options: SwitchyardErrorOptions = {}) {
    super(`Circuit for ${target} is open; the call was not attempted.`, options);
    this.target = target;
  }
}

/**
 * Every target of a route failed. `attempts` has a record of every try, retries included; `errors` has one
 * error per target that failed, the one it ended with (its last try), in the order the targets ran.
 */
export class AllTargetsFailedError extends SwitchyardError {
  static override readonly errorName: string = 'AllTargetsFailedError';
  readonly isRetryable = false;
  /** Every try of every target, retries included, in order. */
  readonly attempts: ReadonlyArray<AttemptRecord>;
  /** One error per failed target: the error of its last try (not one per attempt). */
  readonly errors: ReadonlyArray<unknown>;
  constructor(attempts: ReadonlyArray<AttemptRecord>, errors: ReadonlyArray<unknown>) {
    const summary = attempts
      .map((a) => `${a.provider}/${a.model}: ${a.status === 0 ? '' : `${a.status} `}${a.error ?? 'failed'}`)
      .join('; ');
    super(`All ${attempts.length} attempts failed: ${summary}`, { cause: errors.at(-1) });
    this.attempts = attempts;
    this.errors = errors;
  }
}

/** The gateway was configured wrongly (unknown provider in a route, missing default route…). */
export class InvalidConfigError extends SwitchyardError {
  static override readonly errorName: string = 'InvalidConfigError';
  readonly isRetryable = false;
}
