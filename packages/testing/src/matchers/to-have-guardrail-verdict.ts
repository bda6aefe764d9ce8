import { buildMatcherResult } from './build-matcher-result.js';
import { describeRequests } from './describe-requests.js';
import type { GuardrailVerdictExpectation, MatcherContext, MatcherResult } from './matcher-types.js';
import { readMatcherSubject } from './read-matcher-subject.js';

/** `expect(gateway).toHaveGuardrailVerdict('pii', 'fail', { stage: 'input', action: 'mask' })` */
export function toHaveGuardrailVerdict(
  this: MatcherContext,
  received: unknown,
  check: string,
  verdict: 'pass' | 'fail',
  expected: GuardrailVerdictExpectation = {},
): MatcherResult {
  const subject = readMatcherSubject(received, 'toHaveGuardrailVerdict');
  const pass = subject.requests.some(({ metadata }) =>
    (metadata.guardrails ?? []).some(
      (record) =>
        record.check === check &&
        record.verdict === verdict &&
        (expected.stage === undefined || record.stage === expected.stage) &&
        (expected.action === undefined || record.action === expected.action),
    ),
  );
  const details = [
    ...(expected.stage === undefined ? [] : [`stage ${expected.stage}`]),
    ...(expected.action === undefined ? [] : [`action ${expected.action}`]),
  ];
  return buildMatcherResult(this, {
    pass,
    matcher: 'toHaveGuardrailVerdict',
    label: subject.label,
    expected: `guardrail check '${check}' ${verdict === 'pass' ? 'pass' : 'fail'}${details.length > 0 ? ` (${details.join(', ')})` : ''}`,
    received: describeRequests(subject.requests, { guardrails: true }),
  });
}
