import type { ChatCompletionCreateParamsBase, ChatRole } from '@switchyard/core';
import type { CheckResult, GuardrailAction, GuardrailCheck } from '../check/guardrail-check.js';
import { TextSegments } from '../text/text-segments.js';
import { guardrailViolation } from './guardrail-violation.js';
import type { RequestGuardrails } from './request-guardrails.js';
import { readRequestTexts, writeRequestTexts } from './request-texts.js';
import { runCheck } from './run-check.js';
import { toGuardrailResult } from './to-guardrail-result.js';

/** On input there is no model answer to retry or fall back from, and masking needs spans: those block. */
const inputAction = (check: GuardrailCheck, result: CheckResult): GuardrailAction => {
  if (check.action === 'warn') return 'warn';
  if (check.action === 'mask' && result.spans !== undefined && result.spans.length > 0) return 'mask';
  return 'block';
};

/**
 * Runs the input checks in order over the text of the messages with one of `roles` (checked as one text)
 * and returns the request to send: masked where a check masked, unchanged otherwise. Throws
 * `GuardrailViolationError` for `block`.
 */
export async function checkRequest(
  run: RequestGuardrails,
  roles: ReadonlyArray<ChatRole>,
): Promise<ChatCompletionCreateParamsBase> {
  let request = run.state.request;
  let located = readRequestTexts(request, roles);
  let segments = new TextSegments(located.texts);
  if (!/\S/.test(segments.joined)) return request;
  for (const check of run.input) {
    const input = run.checkInput('input', segments.joined, request, undefined);
    const { result, durationMs } = await runCheck(check, input, run.runtime.failOnCheckError);
    const action = result.verdict === 'pass' ? 'none' : inputAction(check, result);
    run.record(toGuardrailResult(check, 'input', result, action, durationMs, 0));
    if (action === 'block') throw guardrailViolation(check.name, 'input', result.reason);
    if (action === 'mask') {
      const masked = segments.mask(result.spans ?? [], run.vault, check.restore === true);
      request = writeRequestTexts(request, located, masked);
      located = { texts: masked, locations: located.locations };
      segments = new TextSegments(masked);
    }
  }
  return request;
}
