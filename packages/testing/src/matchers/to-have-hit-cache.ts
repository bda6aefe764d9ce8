import { buildMatcherResult } from './build-matcher-result.js';
import { describeRequests } from './describe-requests.js';
import type { MatcherContext, MatcherResult } from './matcher-types.js';
import { readMatcherSubject } from './read-matcher-subject.js';

/** `expect(completion).toHaveHitCache()`, `expect(gateway).toHaveHitCache('semantic-hit')` */
export function toHaveHitCache(
  this: MatcherContext,
  received: unknown,
  kind?: 'hit' | 'semantic-hit',
): MatcherResult {
  const subject = readMatcherSubject(received, 'toHaveHitCache');
  const pass = subject.requests.some(({ metadata }) =>
    kind === undefined
      ? metadata.cache === 'hit' || metadata.cache === 'semantic-hit'
      : metadata.cache === kind,
  );
  return buildMatcherResult(this, {
    pass,
    matcher: 'toHaveHitCache',
    label: subject.label,
    expected: kind === undefined ? 'been served from the cache' : `been served from the cache (${kind})`,
    received: describeRequests(subject.requests),
  });
}
