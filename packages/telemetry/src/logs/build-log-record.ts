import type { CompletionUsage } from '@switchyard/core';
import { errorMessage } from '../internal/error-message.js';
import type { Redactor } from '../redact/redactor.js';
import { classifyError } from '../request/classify-error.js';
import { countHops } from '../request/count-hops.js';
import { readGuardrailVerdicts } from '../request/read-guardrail-verdicts.js';
import { answeringTarget, type RequestOutcome } from '../request/request-outcome.js';
import type { LoggedError, LoggedUsage, RequestLogRecord } from './request-log-record.js';

const round = (ms: number): number => Math.round(ms * 100) / 100;

const loggedUsage = (usage: CompletionUsage): LoggedUsage => {
  const logged: LoggedUsage = {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
  const cached = usage.prompt_tokens_details?.cached_tokens;
  if (cached !== undefined) logged.cachedTokens = cached;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning !== undefined) logged.reasoningTokens = reasoning;
  return logged;
};

const loggedError = (error: unknown, redact: Redactor): LoggedError => {
  // A stream the caller stopped reading ends without an error of its own.
  if (error === undefined) {
    return {
      name: 'AbortError',
      type: 'aborted',
      code: 'aborted',
      message: 'The caller cancelled the stream.',
    };
  }
  const classified = classifyError(error);
  return {
    name: classified.name,
    type: classified.type,
    code: classified.code,
    message: redact.text(errorMessage(error)),
  };
};

/** The redacted log record of a finished request. Runs off the request path. */
export function buildLogRecord(outcome: RequestOutcome, redact: Redactor): RequestLogRecord {
  const { state } = outcome;
  const target = answeringTarget(state);
  const cacheHit = state.cache === 'hit' || state.cache === 'semantic-hit';
  const record: RequestLogRecord = {
    id: crypto.randomUUID(),
    traceId: redact.text(state.traceId),
    timestamp: new Date(outcome.startedAt).toISOString(),
    durationMs: round(outcome.durationMs),
    status: outcome.status,
    statusCode: outcome.statusCode,
    route: redact.text(state.route),
    requestedModel: redact.text(state.request.model),
    stream: state.stream,
    cache: state.cache,
    attempts: state.attempts.map((attempt) => {
      const copy = { ...attempt, model: redact.text(attempt.model) };
      if (attempt.error !== undefined) copy.error = redact.text(attempt.error);
      return copy;
    }),
    ...countHops(state.attempts),
    warnings: state.warnings.map((warning) => ({ ...warning, message: redact.text(warning.message) })),
    metadata: redact.metadata(state.metadata),
  };
  if (outcome.timeToFirstTokenMs !== undefined) record.timeToFirstTokenMs = round(outcome.timeToFirstTokenMs);
  if (outcome.status !== 'success') record.error = loggedError(outcome.error, redact);
  if (target.provider !== undefined) record.provider = target.provider;
  if (target.model !== undefined) record.model = redact.text(target.model);
  if (outcome.usage !== undefined) {
    record.usage = loggedUsage(outcome.usage);
    const cost = cacheHit ? 0 : outcome.usage.estimated_cost;
    if (cost !== undefined) record.cost = cost;
  }
  if (outcome.responseId !== undefined) record.responseId = outcome.responseId;
  if (outcome.finishReasons.length > 0) record.finishReasons = [...outcome.finishReasons];
  const guardrails = readGuardrailVerdicts(state, redact.text);
  if (guardrails.length > 0) record.guardrails = guardrails;
  if (outcome.logBodies) {
    record.request = redact.body(state.request);
    if (outcome.output !== undefined) {
      record.response = outcome.output.map((choice) => ({
        ...choice,
        content: choice.content === null ? null : redact.content(choice.content),
        ...(choice.refusal === undefined ? {} : { refusal: redact.content(choice.refusal) }),
        ...(choice.toolCalls === undefined
          ? {}
          : {
              toolCalls: choice.toolCalls.map((call) => ({
                name: call.name,
                arguments: redact.content(call.arguments),
              })),
            }),
      }));
    }
  }
  return record;
}
