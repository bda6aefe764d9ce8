import type { AttemptRecord } from '@switchyard/core';
import { buildMatcherResult } from './build-matcher-result.js';
import { describeRequests } from './describe-requests.js';
import type { MatcherContext, MatcherResult, ProviderCallExpectation } from './matcher-types.js';
import { readMatcherSubject } from './read-matcher-subject.js';

/** An open circuit records an attempt without calling the provider (core's `CircuitOpenError` message). */
const skippedByCircuit = (attempt: AttemptRecord): boolean =>
  attempt.status === 0 && attempt.error?.endsWith('is open; the call was not attempted.') === true;

const plural = (count: number): string => `${count} time${count === 1 ? '' : 's'}`;

/** `expect(gateway).toHaveCalledProvider('openai-primary', { model: 'gpt-4o', times: 1 })` */
export function toHaveCalledProvider(
  this: MatcherContext,
  received: unknown,
  provider: string,
  expected: ProviderCallExpectation = {},
): MatcherResult {
  const subject = readMatcherSubject(received, 'toHaveCalledProvider');
  const calls = subject.requests
    .flatMap((request) => request.metadata.attempts)
    .filter(
      (attempt) =>
        attempt.provider === provider &&
        (expected.model === undefined || attempt.model === expected.model) &&
        !skippedByCircuit(attempt),
    );
  const pass = expected.times === undefined ? calls.length > 0 : calls.length === expected.times;
  const model = expected.model === undefined ? '' : ` with model '${expected.model}'`;
  const times = expected.times === undefined ? '' : ` exactly ${plural(expected.times)}`;
  return buildMatcherResult(this, {
    pass,
    matcher: 'toHaveCalledProvider',
    label: subject.label,
    expected: `called provider '${provider}'${model}${times}`,
    summary: `It was called ${plural(calls.length)}.`,
    received: describeRequests(subject.requests),
  });
}
