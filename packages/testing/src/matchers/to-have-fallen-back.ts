import { buildMatcherResult } from './build-matcher-result.js';
import { describeRequests } from './describe-requests.js';
import type { SubjectRequest } from './matcher-subject.js';
import type { FallbackExpectation, MatcherContext, MatcherResult } from './matcher-types.js';
import { matchesTarget } from './matches-target.js';
import { readMatcherSubject } from './read-matcher-subject.js';

const fellBack = (request: SubjectRequest, expected: FallbackExpectation): boolean => {
  const { attempts } = request.metadata;
  const targets = new Set(attempts.map((attempt) => `${attempt.provider}/${attempt.model}`));
  // Retries of one target are not a fallback; moving to another target is.
  if (targets.size < 2) return false;
  const first = attempts[0];
  const last = attempts.at(-1);
  if (
    expected.from !== undefined &&
    (first === undefined || !matchesTarget(expected.from, first.provider, first.model))
  ) {
    return false;
  }
  if (
    expected.to !== undefined &&
    (last === undefined || last.status !== 200 || !matchesTarget(expected.to, last.provider, last.model))
  ) {
    return false;
  }
  return expected.attempts === undefined || attempts.length === expected.attempts;
};

/** `expect(gateway).toHaveFallenBack({ from: 'openai-primary', to: 'anthropic-primary', attempts: 2 })` */
export function toHaveFallenBack(
  this: MatcherContext,
  received: unknown,
  expected: FallbackExpectation = {},
): MatcherResult {
  const subject = readMatcherSubject(received, 'toHaveFallenBack');
  const pass = subject.requests.some((request) => fellBack(request, expected));
  const details = [
    ...(expected.from === undefined ? [] : [`from '${expected.from}'`]),
    ...(expected.to === undefined ? [] : [`to '${expected.to}'`]),
    ...(expected.attempts === undefined ? [] : [`in ${expected.attempts} attempts`]),
  ];
  return buildMatcherResult(this, {
    pass,
    matcher: 'toHaveFallenBack',
    label: subject.label,
    expected: `fallen back${details.length > 0 ? ` ${details.join(' ')}` : ''}`,
    received: describeRequests(subject.requests),
  });
}
