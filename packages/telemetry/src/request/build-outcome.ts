import type { ChatCompletion, MiddlewareState } from '@switchyard/core';
import type { RequestStatus } from '../logs/request-log-record.js';
import { completionOutput } from './capture-output.js';
import { classifyError } from './classify-error.js';
import type { StreamEnd } from './observe-stream.js';
import type { RequestOutcome } from './request-outcome.js';

/** What every outcome shares: the request, when it started, whether its bodies are logged. */
export interface OutcomeContext {
  readonly state: MiddlewareState;
  /** Epoch milliseconds when the gateway received the request. */
  readonly startedAt: number;
  readonly logBodies: boolean;
}

const ended = (context: OutcomeContext) => ({
  state: context.state,
  startedAt: context.startedAt,
  durationMs: performance.now() - context.state.startedAt,
  logBodies: context.logBodies,
});

/** A completion answered. */
export function completionOutcome(context: OutcomeContext, completion: ChatCompletion): RequestOutcome {
  return {
    ...ended(context),
    timeToFirstTokenMs: undefined,
    status: 'success',
    statusCode: 200,
    error: undefined,
    usage: completion.usage ?? context.state.usage,
    responseId: completion.id,
    finishReasons: completion.choices.map((choice) => choice.finish_reason),
    output: context.logBodies ? completionOutput(completion) : undefined,
  };
}

/** The pipeline threw (for a stream: before its first chunk). */
export function failedOutcome(context: OutcomeContext, error: unknown): RequestOutcome {
  const classified = classifyError(error);
  return {
    ...ended(context),
    timeToFirstTokenMs: undefined,
    status: classified.status,
    statusCode: classified.statusCode,
    error,
    usage: context.state.usage,
    responseId: undefined,
    finishReasons: [],
    output: undefined,
  };
}

const streamStatus = (end: StreamEnd): { status: RequestStatus; statusCode: number } => {
  if (end.outcome === 'success') return { status: 'success', statusCode: 200 };
  // The caller stopped reading: no error of its own, answered as a client-closed request.
  if (end.error === undefined) return { status: 'cancelled', statusCode: 499 };
  const { status, statusCode } = classifyError(end.error);
  return { status, statusCode };
};

/** A stream was read to its end, failed, or was cancelled by the caller. */
export function streamOutcome(context: OutcomeContext, end: StreamEnd): RequestOutcome {
  return {
    ...ended(context),
    ...streamStatus(end),
    timeToFirstTokenMs:
      end.firstChunkAt === undefined ? undefined : end.firstChunkAt - context.state.startedAt,
    error: end.error,
    usage: context.state.usage,
    responseId: end.responseId,
    finishReasons: end.finishReasons,
    output: end.output,
  };
}
