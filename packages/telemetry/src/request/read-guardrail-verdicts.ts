import type { MiddlewareState } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import type { GuardrailVerdict } from '../logs/request-log-record.js';

/**
 * A `locals` key any middleware can leave check results under for telemetry: an array of
 * `{ check, stage, verdict, action? }` (see `GuardrailVerdict`), appended to as checks run.
 */
export const GUARDRAIL_VERDICTS_LOCAL = 'guardrails.verdicts';

/** Where `@switchyard/guardrails` keeps a request's guardrails; its `results` hold one entry per check run. */
const GUARDRAILS_PACKAGE_LOCAL = 'guardrails';

const verdictList = (state: MiddlewareState): ReadonlyArray<unknown> => {
  const direct = state.locals.get(GUARDRAIL_VERDICTS_LOCAL);
  if (Array.isArray(direct)) return direct;
  const guardrails = state.locals.get(GUARDRAILS_PACKAGE_LOCAL);
  if (typeof guardrails === 'object' && guardrails !== null && 'results' in guardrails) {
    return Array.isArray(guardrails.results) ? guardrails.results : [];
  }
  return [];
};

const readVerdict = (value: unknown, clean: (text: string) => string): GuardrailVerdict | undefined => {
  if (!isRecord(value)) return undefined;
  const { check, stage, verdict, action } = value;
  if (typeof check !== 'string' || typeof verdict !== 'string') return undefined;
  const result: GuardrailVerdict = {
    check: clean(check),
    stage: typeof stage === 'string' ? clean(stage) : 'unknown',
    verdict: clean(verdict),
  };
  if (typeof action === 'string') result.action = clean(action);
  return result;
};

/**
 * The guardrail results of a request — from `GUARDRAIL_VERDICTS_LOCAL`, else from `@switchyard/guardrails`'
 * per-request results — each string passed through `clean` (a redactor); entries of
 * another shape are ignored.
 */
export function readGuardrailVerdicts(
  state: MiddlewareState,
  clean: (text: string) => string,
): Array<GuardrailVerdict> {
  const verdicts: Array<GuardrailVerdict> = [];
  for (const item of verdictList(state)) {
    const verdict = readVerdict(item, clean);
    if (verdict !== undefined) verdicts.push(verdict);
  }
  return verdicts;
}
