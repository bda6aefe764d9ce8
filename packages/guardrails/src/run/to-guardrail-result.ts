import type {
  CheckResult,
  GuardrailAction,
  GuardrailCheck,
  GuardrailStage,
} from '../check/guardrail-check.js';
import type { GuardrailResult } from '../check/guardrail-result.js';

/** The record of one check's verdict and the action taken. */
export function toGuardrailResult(
  check: GuardrailCheck,
  stage: GuardrailStage,
  result: CheckResult,
  action: GuardrailAction | 'none',
  durationMs: number,
  attempt: number,
): GuardrailResult {
  const record: GuardrailResult = {
    check: check.name,
    stage,
    verdict: result.verdict,
    action,
    durationMs,
    attempt,
  };
  if (result.reason !== undefined) record.reason = result.reason;
  if (result.spans !== undefined) record.spans = result.spans.length;
  if (result.data !== undefined) record.data = result.data;
  return record;
}
