import type { ChatCompletion } from '@switchyard/core';
import type { CheckResult, GuardrailAction, GuardrailCheck, Span } from '../check/guardrail-check.js';
import { maskText } from '../text/mask-text.js';
import { removeOverlaps } from '../text/remove-overlaps.js';
import { guardrailViolation } from './guardrail-violation.js';
import type { RequestGuardrails } from './request-guardrails.js';
import { runCheck } from './run-check.js';
import { toGuardrailResult } from './to-guardrail-result.js';

export type CompletionOutcome =
  | { kind: 'pass'; completion: ChatCompletion }
  | { kind: 'retry' | 'fallback'; check: GuardrailCheck; reason: string; completion: ChatCompletion };

/** The action a failed output check takes now: `retry`/`fallback` block once used up, `mask` needs spans. */
const outputAction = (
  check: GuardrailCheck,
  failed: CheckResult,
  canRerun: (check: GuardrailCheck) => boolean,
): GuardrailAction => {
  switch (check.action) {
    case 'mask':
      return failed.spans !== undefined && failed.spans.length > 0 ? 'mask' : 'block';
    case 'retry':
    case 'fallback':
      return canRerun(check) ? check.action : 'block';
    case 'warn':
    case 'block':
      return check.action;
    default: {
      const exhaustive: never = check.action;
      return exhaustive;
    }
  }
};

const withContents = (
  completion: ChatCompletion,
  contents: ReadonlyArray<string | null>,
): ChatCompletion => ({
  ...completion,
  choices: completion.choices.map((choice, index) => {
    const content = contents[index] ?? null;
    return content === choice.message.content
      ? choice
      : { ...choice, message: { ...choice.message, content } };
  }),
});

/**
 * Runs the output checks in order on each choice's text. `mask` rewrites the choice (later checks see the
 * masked text), `warn` records, `block` throws; `retry` and `fallback` stop here and say so.
 */
export async function checkCompletion(
  run: RequestGuardrails,
  completion: ChatCompletion,
  attempt: number,
  canRerun: (check: GuardrailCheck) => boolean,
): Promise<CompletionOutcome> {
  let current = completion;
  for (const check of run.output) {
    let failed: CheckResult | undefined;
    let durationMs = 0;
    const spans: Array<Span> = [];
    const contents = current.choices.map((choice) => choice.message.content);
    for (const [index, choice] of current.choices.entries()) {
      const text = choice.message.content;
      if (text === null) continue;
      const view = current.choices.length === 1 ? current : { ...current, choices: [choice] };
      const input = run.checkInput('output', text, run.state.request, view);
      const timed = await runCheck(check, input, run.runtime.failOnCheckError);
      durationMs += timed.durationMs;
      if (timed.result.verdict === 'pass') continue;
      failed ??= timed.result;
      const found = removeOverlaps(timed.result.spans ?? []);
      spans.push(...found);
      if (check.action === 'mask' && found.length > 0)
        contents[index] = maskText(text, found, run.vault, false);
    }
    if (failed === undefined) {
      run.record(toGuardrailResult(check, 'output', { verdict: 'pass' }, 'none', durationMs, attempt));
      continue;
    }
    const action = outputAction(check, failed, canRerun);
    const result = spans.length > 0 ? { ...failed, spans } : failed;
    run.record(toGuardrailResult(check, 'output', result, action, durationMs, attempt));
    const reason = failed.reason ?? 'the check failed';
    switch (action) {
      case 'block':
        throw guardrailViolation(
          check.name,
          'output',
          check.action === 'retry' || check.action === 'fallback'
            ? `${reason} (still failing after ${check.maxRetries} ${check.action === 'retry' ? 'retries' : 'fallbacks'})`
            : reason,
          check.action,
        );
      case 'mask':
        current = withContents(current, contents);
        break;
      case 'retry':
      case 'fallback':
        return { kind: action, check, reason, completion: current };
      case 'warn':
        break;
      default: {
        const exhaustive: never = action;
        throw exhaustive;
      }
    }
  }
  return { kind: 'pass', completion: current };
}
