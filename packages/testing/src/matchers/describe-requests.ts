import type { GuardrailRecord } from '@switchyard/core';
import type { SubjectRequest } from './matcher-subject.js';

const attemptChain = (request: SubjectRequest): string => {
  const { attempts } = request.metadata;
  if (attempts.length === 0) return 'no provider call';
  return attempts.map((attempt) => `${attempt.provider}/${attempt.model} ${attempt.status}`).join(' → ');
};

const guardrailList = (records: ReadonlyArray<GuardrailRecord> | undefined): string =>
  records === undefined || records.length === 0
    ? 'no guardrail checks'
    : records
        .map((record) => `${record.check} ${record.stage} ${record.verdict} (${record.action})`)
        .join(', ');

/**
 * One line per request for failure messages: route, each attempt with its status, cache status and,
 * when asked, the guardrail checks.
 */
export function describeRequests(
  requests: ReadonlyArray<SubjectRequest>,
  options: { guardrails?: boolean } = {},
): string {
  if (requests.length === 0) return '  (no requests)';
  return requests
    .map((request, index) => {
      const { metadata } = request;
      const parts = [`route '${metadata.route}': ${attemptChain(request)}`, `cache ${metadata.cache}`];
      if (options.guardrails === true) parts.push(guardrailList(metadata.guardrails));
      if (request.status !== undefined && request.status !== 'completed') parts.push(request.status);
      return `  #${index + 1} ${parts.join('; ')}`;
    })
    .join('\n');
}
