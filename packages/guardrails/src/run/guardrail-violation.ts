import { GuardrailViolationError } from '@switchyard/core';
import type { GuardrailAction, GuardrailStage } from '../check/guardrail-check.js';

/** The typed error (HTTP 400) for a failed check, naming the check and its reason. */
export function guardrailViolation(
  check: string,
  stage: GuardrailStage,
  reason: string | undefined,
  action: GuardrailAction = 'block',
  cause?: unknown,
): GuardrailViolationError {
  const what = stage === 'input' ? 'request' : 'response';
  return new GuardrailViolationError(
    `Guardrail '${check}' rejected the ${what}: ${reason ?? 'the check failed'}`,
    { check, action, stage },
    cause === undefined ? {} : { cause },
  );
}
