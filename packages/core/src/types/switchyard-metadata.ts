export type CacheStatus = 'hit' | 'semantic-hit' | 'miss' | 'bypass';

/** One call to one provider target, successful or not. */
export interface AttemptRecord {
  provider: string;
  model: string;
  /** HTTP-like status: 200 on success, the provider's status on an HTTP error, 0 when no response arrived. */
  status: number;
  /** The error's message when the attempt failed. */
  error?: string;
  latencyMs: number;
}

export interface Warning {
  type: 'unsupported-setting' | 'other';
  /** The request field the warning is about, e.g. `logit_bias`. */
  setting?: string;
  message: string;
}

/** Which prompt version produced a request (see `@switchyard/prompts`). */
export interface PromptReport {
  name: string;
  version: string;
  /** The label the version was found by, when one was used. */
  label?: string;
  /** Set when an A/B split chose the version: every version's share of traffic, and how it was assigned. */
  split?: { weights: Record<string, number>; assignment: 'random' | 'sticky' };
}

/** What one guardrail check did in this request. */
export interface GuardrailRecord {
  check: string;
  stage: 'input' | 'output';
  verdict: 'pass' | 'fail';
  /** The action taken (`none` when the check passed). */
  action: string;
  reason?: string;
  /** How many spans the check found (e.g. masked values). */
  spans?: number;
  durationMs: number;
  /** Output checks: 0 for the first answer, 1, 2… after a `retry` or `fallback`. */
  attempt: number;
  /** The check ran incrementally on a stream. */
  streamed?: boolean;
}

/** What the gateway adds to every completion as `completion.switchyard`. */
export interface SwitchyardMetadata {
  provider: string;
  model: string;
  /** The route name, or `provider/model` when the request addressed a provider directly. */
  route: string;
  attempts: Array<AttemptRecord>;
  cache: CacheStatus;
  latencyMs: number;
  traceId: string;
  warnings: Array<Warning>;
  /** The provider's own finish reason, before mapping to OpenAI's values. */
  rawFinishReason?: string;
  /** Each guardrail check that ran, when a guardrails middleware is installed. */
  guardrails?: Array<GuardrailRecord>;
  /** Set when the request named a managed prompt: the version that was rendered. */
  prompt?: PromptReport;
}
