import type { ChatRole, MiddlewareState } from '@switchyard/core';
import type { CheckDefinition } from './check/check-spec.js';
import type { GuardrailAction, GuardrailStage } from './check/guardrail-check.js';
import type { GuardrailResult } from './check/guardrail-result.js';
import type { ContentClassifier } from './moderation/content-classifier.js';

/** A named group of checks a request selects with `guardrails: ['<name>']`. */
export interface GuardrailSet {
  input?: ReadonlyArray<CheckDefinition>;
  output?: ReadonlyArray<CheckDefinition>;
}

export interface GuardrailsOptions {
  /** Checks on every request, before the cache. Default none. */
  input?: ReadonlyArray<CheckDefinition>;
  /** Checks on every answer, streams included, below the cache (cached answers were checked). Default none. */
  output?: ReadonlyArray<CheckDefinition>;
  /** Named sets, selected per request: `create(body, { guardrails: ['input-validation'] })`. Default none. */
  sets?: Readonly<Record<string, GuardrailSet>>;
  /** The classifier for `toxicity_check` and `content_policy` checks configured without their own. */
  classifier?: ContentClassifier;
  /**
   * Messages whose text input checks read. Default `['user', 'assistant', 'tool']`: earlier assistant turns
   * are included so values restored into an answer are masked again on the next turn. System and developer
   * prompts are the application's own.
   */
  inputRoles?: ReadonlyArray<ChatRole>;
  /**
   * A check that throws (a classifier that is down) fails, so its action applies. `false` lets the request
   * through instead (fail open). Default `true`.
   */
  failOnCheckError?: boolean;
  /** Called with every check's result (for logs and metrics). Must not throw. */
  onResult?: (result: GuardrailResult, state: MiddlewareState) => void;
}

export interface RegisterOptions {
  /** Where a registered check object runs. Functions are output checks. Default `'output'`. */
  stage?: GuardrailStage;
  /** Default: the check's own; `block` for functions. */
  action?: GuardrailAction;
  /** For `retry`/`fallback`. Default 2. */
  maxRetries?: number;
}
