import type { CompletionUsage, MiddlewareState } from '@switchyard/core';
import type { LoggedChoice, RequestStatus } from '../logs/request-log-record.js';

/**
 * What telemetry knows once a request has ended (a stream: once it was read to the end, failed or was
 * cancelled). Built on the request path without copying; logs redact it later, off the request path.
 */
export interface RequestOutcome {
  readonly state: MiddlewareState;
  /** Epoch milliseconds when the gateway received the request. */
  readonly startedAt: number;
  readonly durationMs: number;
  readonly timeToFirstTokenMs: number | undefined;
  readonly status: RequestStatus;
  readonly statusCode: number;
  /** The thrown value; undefined on success. */
  readonly error: unknown;
  readonly usage: CompletionUsage | undefined;
  readonly responseId: string | undefined;
  readonly finishReasons: ReadonlyArray<string>;
  /** The answer, captured only when bodies are logged for this request. */
  readonly output: ReadonlyArray<LoggedChoice> | undefined;
  readonly logBodies: boolean;
}

/** The provider and model a request is attributed to: the one that answered, else the last one tried. */
export const answeringTarget = (state: MiddlewareState): { provider?: string; model?: string } => {
  const last = state.attempts[state.attempts.length - 1];
  const provider = state.provider ?? last?.provider;
  const model = state.model ?? last?.model;
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(model === undefined ? {} : { model }),
  };
};
