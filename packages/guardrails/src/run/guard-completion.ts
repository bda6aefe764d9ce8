import type { ChatCompletion, MiddlewareNext } from '@switchyard/core';
import type { GuardrailCheck } from '../check/guardrail-check.js';
import { checkCompletion } from './check-completion.js';
import { guardrailViolation } from './guardrail-violation.js';
import type { RequestGuardrails } from './request-guardrails.js';
import { retryFeedback } from './retry-feedback.js';

/**
 * A `state.locals` key holding the `provider/model` keys an output `fallback` rejected. The router should
 * skip them when it runs again (a core change; until then the route picks its targets as usual).
 */
export const EXCLUDED_TARGETS_LOCAL = 'switchyard.excludedTargets';

const excludeTarget = (run: RequestGuardrails): void => {
  const { state } = run;
  const existing = state.locals.get(EXCLUDED_TARGETS_LOCAL);
  const excluded = existing instanceof Set ? existing : new Set<unknown>();
  excluded.add(`${state.provider ?? ''}/${state.model ?? ''}`);
  state.locals.set(EXCLUDED_TARGETS_LOCAL, excluded);
};

/**
 * Output checks on a completion, with `retry` (ask again with the failure reason) and `fallback` (ask the
 * route again) by calling `next()` again, each up to the check's `maxRetries`. The request is restored
 * afterwards so outer middleware (the cache) sees the caller's request.
 */
export async function guardCompletion(
  run: RequestGuardrails,
  first: ChatCompletion,
  next: MiddlewareNext,
): Promise<ChatCompletion> {
  const { state } = run;
  const original = state.request;
  const reruns = new Map<GuardrailCheck, number>();
  const canRerun = (check: GuardrailCheck) => (reruns.get(check) ?? 0) < check.maxRetries;
  let completion = first;
  try {
    for (let attempt = 0; ; attempt++) {
      const outcome = await checkCompletion(run, completion, attempt, canRerun);
      if (outcome.kind === 'pass') return outcome.completion;
      reruns.set(outcome.check, (reruns.get(outcome.check) ?? 0) + 1);
      if (outcome.kind === 'retry') {
        state.request = retryFeedback(original, outcome.completion, outcome.check.name, outcome.reason);
      } else {
        state.request = original;
        excludeTarget(run);
      }
      let result: Awaited<ReturnType<MiddlewareNext>>;
      try {
        result = await next();
      } catch (error) {
        // No other target could answer: the rejected answer is the story, not the routing error.
        if (outcome.kind === 'fallback' && !state.signal?.aborted) {
          throw guardrailViolation(
            outcome.check.name,
            'output',
            `${outcome.reason} (no other target answered)`,
            'fallback',
            error,
          );
        }
        throw error;
      }
      if (result.type !== 'completion') {
        throw guardrailViolation(outcome.check.name, 'output', outcome.reason, outcome.kind);
      }
      completion = result.completion;
    }
  } finally {
    state.request = original;
  }
}
