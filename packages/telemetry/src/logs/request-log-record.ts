import type { AttemptRecord, CacheStatus, Warning } from '@switchyard/core';

/** `success`: answered (a stream: read to its end). `cancelled`: the caller aborted or stopped reading. */
export type RequestStatus = 'success' | 'error' | 'cancelled';

export interface LoggedError {
  /** The error class, e.g. `RateLimitError`, `AllTargetsFailedError`. */
  name: string;
  /** The OpenAI error type the gateway answers with, e.g. `rate_limit_exceeded`, `all_targets_failed`. */
  type: string;
  code: string | null;
  /** Redacted. */
  message: string;
}

/** One guardrail check's result, as the guardrails middleware reports it (see `GUARDRAIL_VERDICTS_LOCAL`). */
export interface GuardrailVerdict {
  check: string;
  /** `input` (before the provider) or `output`. */
  stage: string;
  /** e.g. `pass`, `fail`. */
  verdict: string;
  /** e.g. `block`, `mask`, `warn`, `retry`, `fallback`, when the check failed. */
  action?: string;
}

export interface LoggedUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Input tokens read from the provider's prompt cache (part of `inputTokens`). */
  cachedTokens?: number;
  /** Output tokens spent on reasoning (part of `outputTokens`). */
  reasoningTokens?: number;
}

export interface LoggedChoice {
  index: number;
  content: string | null;
  refusal?: string;
  toolCalls?: Array<{ name: string; arguments: string }>;
  finishReason: string | null;
}

/** One structured record per request, redacted before any sink sees it. */
export interface RequestLogRecord {
  id: string;
  traceId: string;
  /** ISO 8601 time the gateway received the request. */
  timestamp: string;
  durationMs: number;
  /** Streams only: until the first chunk reached the caller. */
  timeToFirstTokenMs?: number;
  status: RequestStatus;
  /** The HTTP status the request ends with over HTTP (200, 429, 499 cancelled, 502…). */
  statusCode: number;
  error?: LoggedError;
  /** The route name, or `provider/model` for direct addressing. */
  route: string;
  /** The request's `model` field as sent. */
  requestedModel: string;
  /** The provider key (under `providers`) that answered or was tried last. */
  provider?: string;
  model?: string;
  stream: boolean;
  cache: CacheStatus;
  attempts: Array<AttemptRecord>;
  retries: number;
  fallbacks: number;
  usage?: LoggedUsage;
  /** USD, when priced (`usage.estimated_cost`); 0 for cache hits. */
  cost?: number;
  responseId?: string;
  finishReasons?: Array<string>;
  guardrails?: Array<GuardrailVerdict>;
  warnings: Array<Warning>;
  metadata: Record<string, string>;
  /** The request body, when bodies are logged. */
  request?: unknown;
  /** The answer, when bodies are logged. */
  response?: Array<LoggedChoice>;
}
