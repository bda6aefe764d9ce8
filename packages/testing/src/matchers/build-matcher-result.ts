import type { MatcherContext, MatcherResult } from './matcher-types.js';

export interface MatcherOutcome {
  pass: boolean;
  matcher: string;
  /** The subject's label: `gateway`, `completion`, `stream`. */
  label: string;
  /** The expectation after "to have", e.g. `called provider 'openai-primary' with model 'gpt-4o'`. */
  expected: string;
  /** A count or other fact worth a line of its own, e.g. `It was called 1 time.` */
  summary?: string;
  /** What the subject did, one request per line. */
  received: string;
}

/** The result in the runners' shape, with a message that reads right with and without `.not`. */
export function buildMatcherResult(context: MatcherContext, outcome: MatcherOutcome): MatcherResult {
  const not = context.isNot === true ? '.not' : '';
  return {
    pass: outcome.pass,
    message: () =>
      [
        `expect(${outcome.label})${not}.${outcome.matcher}(…)`,
        '',
        `Expected ${outcome.label} ${outcome.pass ? 'not to have' : 'to have'} ${outcome.expected}.`,
        ...(outcome.summary === undefined ? [] : [outcome.summary]),
        'Requests:',
        outcome.received,
      ].join('\n'),
  };
}
