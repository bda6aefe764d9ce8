import { type Attributes, type Context, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { AttemptRecord } from '@switchyard/core';
import type { Redactor } from '../redact/redactor.js';
import type { RequestOutcome } from '../request/request-outcome.js';
import { usageAttributes } from './gen-ai-attributes.js';

/** When an attempt started, in epoch ms: its own `startedAt` when core records one, else `fallback`. */
const attemptStart = (attempt: AttemptRecord, fallback: number): number => {
  if ('startedAt' in attempt && typeof attempt.startedAt === 'number') {
    return performance.timeOrigin + attempt.startedAt;
  }
  return fallback;
};

/**
 * One CLIENT span per provider attempt, children of the request span, made once the request has ended
 * from the attempt records. Without recorded start times, attempts are laid end to end from the
 * request's start (backoff waits are then not visible). A stream's answering attempt lasts until the
 * stream ended.
 */
export function recordAttemptSpans(
  tracer: Tracer,
  parent: Context,
  outcome: RequestOutcome,
  redact: Redactor,
  name: (value: string) => string,
): void {
  const { state } = outcome;
  const now = Date.now();
  let cursor = outcome.startedAt;
  state.attempts.forEach((attempt, index) => {
    const start = Math.min(attemptStart(attempt, cursor), now);
    const answered = attempt.status === 200 && index === state.attempts.length - 1;
    const end = answered && state.stream ? now : Math.min(start + attempt.latencyMs, now);
    cursor = end;
    const model = name(attempt.model);
    const attributes: Attributes = {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': attempt.provider,
      'gen_ai.request.model': model,
      'switchyard.attempt.index': index,
    };
    if (attempt.status > 0) attributes['http.response.status_code'] = attempt.status;
    if (answered) {
      attributes['gen_ai.response.model'] = model;
      if (outcome.responseId !== undefined) attributes['gen_ai.response.id'] = outcome.responseId;
      if (outcome.usage !== undefined) Object.assign(attributes, usageAttributes(outcome.usage));
    }
    const span = tracer.startSpan(
      `chat ${model}`,
      { kind: SpanKind.CLIENT, startTime: start, attributes },
      parent,
    );
    if (attempt.status !== 200) {
      span.setAttribute('error.type', attempt.status > 0 ? String(attempt.status) : '_OTHER');
      span.setStatus({ code: SpanStatusCode.ERROR, message: redact.text(attempt.error ?? 'failed') });
    } else if (answered && state.stream && outcome.status === 'error') {
      // The stream failed after its first chunk, when no other target could take over.
      span.setAttribute('error.type', '_OTHER');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'The stream failed after its first chunk.' });
    }
    span.end(end);
  });
}
