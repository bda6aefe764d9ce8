import type { ChatCompletion, ChatCompletionCreateParamsBase } from '@switchyard/core';
import {
  type CheckInput,
  type CheckOptions,
  type CheckResult,
  DEFAULT_MAX_RETRIES,
  type GuardrailCheck,
} from '../check/guardrail-check.js';

/**
 * What a custom check returns: `true`/`false`, a `[passed, reason]` pair (the reference article's
 * `return False, "Confidence score too low"`), or a full `CheckResult`.
 */
export type CustomVerdict = boolean | readonly [boolean, (string | null | undefined)?] | CheckResult;

/** An output check, as in the reference article: the request and the model's answer (a stream once complete). */
export type OutputCheckFunction = (
  request: ChatCompletionCreateParamsBase,
  response: ChatCompletion,
  input: CheckInput,
) => CustomVerdict | Promise<CustomVerdict>;

/** An input check: the request and the text of its checked messages. */
export type InputCheckFunction = (
  request: ChatCompletionCreateParamsBase,
  text: string,
  input: CheckInput,
) => CustomVerdict | Promise<CustomVerdict>;

export const toCheckResult = (verdict: CustomVerdict): CheckResult => {
  if (typeof verdict === 'boolean') return { verdict: verdict ? 'pass' : 'fail' };
  if (Array.isArray(verdict)) {
    const [passed, reason] = verdict;
    const result: CheckResult = { verdict: passed === true ? 'pass' : 'fail' };
    if (typeof reason === 'string') result.reason = reason;
    return result;
  }
  if ('verdict' in verdict && (verdict.verdict === 'pass' || verdict.verdict === 'fail')) return verdict;
  return { verdict: 'fail', reason: 'The custom check returned neither a boolean, a pair nor a result.' };
};

/** An output check from your function, sync or async. Default action `block`. */
export function customCheck(fn: OutputCheckFunction, options: CheckOptions = {}): GuardrailCheck {
  return {
    name: options.name ?? 'custom',
    action: options.action ?? 'block',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    async run(input) {
      // Output checks always have the answer; on input this check has nothing to look at.
      if (input.response === undefined) return { verdict: 'pass' };
      return toCheckResult(await fn(input.request, input.response, input));
    },
  };
}

/** An input check from your function, sync or async. Default action `block`. */
export function inputCheck(fn: InputCheckFunction, options: CheckOptions = {}): GuardrailCheck {
  return {
    name: options.name ?? 'custom',
    action: options.action ?? 'block',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    async run(input) {
      return toCheckResult(await fn(input.request, input.text, input));
    },
  };
}
