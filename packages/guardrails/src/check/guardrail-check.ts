import type { ChatCompletion, ChatCompletionCreateParamsBase, RequestOptions } from '@switchyard/core';

/** Where a check runs: on the request before the cache, or on the model's answer below it. */
export type GuardrailStage = 'input' | 'output';

/**
 * What happens when a check fails:
 * - `block`: the request ends with a `GuardrailViolationError` (HTTP 400) naming the check and its reason;
 * - `mask`: the check's spans are replaced by typed placeholders (`[EMAIL_1]`) and the request goes on;
 * - `warn`: the failure is recorded (result, warning, `onResult`) and nothing else changes;
 * - `retry`: (output) the model is asked again with the failure reason, up to `maxRetries` times;
 * - `fallback`: (output) the next target of the route answers instead.
 */
export type GuardrailAction = 'block' | 'mask' | 'warn' | 'retry' | 'fallback';

export type GuardrailVerdict = 'pass' | 'fail';

/** A stretch of the checked text, `[start, end)` in UTF-16 code units, with what it is (`EMAIL`, `KEYWORD`…). */
export interface Span {
  start: number;
  end: number;
  /** Upper-case label; masking writes `[<label>_<n>]`. */
  label: string;
}

/** What a check says about one text. */
export interface CheckResult {
  verdict: GuardrailVerdict;
  /** Why it failed, in words the model (for `retry`) and the caller (errors) can act on. */
  reason?: string;
  /** Where the problem is; `mask` replaces these. */
  spans?: ReadonlyArray<Span>;
  /** Anything else worth recording, e.g. classifier scores. */
  data?: unknown;
}

/** Everything a check may read. */
export interface CheckInput {
  readonly stage: GuardrailStage;
  /** The text under check: the request's message text (input) or one choice's content (output). */
  readonly text: string;
  /** The request as the model sees it (after input masking). */
  readonly request: ChatCompletionCreateParamsBase;
  /** The model's answer (output stage only). */
  readonly response: ChatCompletion | undefined;
  readonly signal: AbortSignal | undefined;
  /**
   * Request options for calls a check makes through a gateway (an LLM judge): guardrails skip requests made
   * with them, so a judge behind the same gateway is not judged itself.
   */
  requestOptions(options?: RequestOptions): RequestOptions;
}

/**
 * Finds spans locally and synchronously. Checks that have one run incrementally on streams: text is held
 * back only while `holdBack` says a match could still be forming at its end.
 */
export interface SpanScanner {
  find(text: string): Array<Span>;
  /** How many characters at the end of `text` could be the beginning of a match not yet complete. */
  holdBack(text: string): number;
}

/** One guardrail check, built by `keywordFilter`, `piiDetector`, `contentPolicy`, `jsonSchema`, `customCheck`… */
export interface GuardrailCheck {
  /** Shown in results and errors, e.g. `pii_detector` or `confidence-check`. */
  readonly name: string;
  readonly action: GuardrailAction;
  /** For `retry`: how many times the model is asked again. */
  readonly maxRetries: number;
  run(input: CheckInput): CheckResult | Promise<CheckResult>;
  readonly scanner?: SpanScanner;
  /** With `mask` on input: the answer gets the original values back where it repeats their placeholders. */
  readonly restore?: boolean;
}

/** Options every built-in check takes. */
export interface CheckOptions {
  /** Default: the check's own (`block` for most, `mask` for `pii_detector`). */
  action?: GuardrailAction;
  /** Name in results and errors. Default: the check type, e.g. `keyword_filter`. */
  name?: string;
  /** For `retry`: how many times the model is asked again. Default 2. */
  maxRetries?: number;
}

export const DEFAULT_MAX_RETRIES = 2;
