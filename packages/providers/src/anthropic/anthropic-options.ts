import type { ModelInfo, ProviderAdapter, ProviderCapabilities, ReasoningEffort } from '@switchyard/core';

/** The standard `fetch` signature; anything that implements it (e.g. `gateway.fetch`) can be injected. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The `reasoning_effort` values that turn thinking on (`none` turns it off). */
export type AnthropicThinkingEffort = Exclude<NonNullable<ReasoningEffort>, 'none'>;

/**
 * How `reasoning_effort` is sent:
 * - `'budget'`: `thinking: { type: 'enabled', budget_tokens }` with the budgets of `reasoningBudgets`
 *   (manual extended thinking; Claude 4.6 and earlier).
 * - `'adaptive'`: `thinking: { type: 'adaptive' }` with `output_config.effort` (Claude 4.6 and later;
 *   Claude Opus 4.7 and later reject `'budget'`).
 */
export type AnthropicReasoningMode = 'budget' | 'adaptive';

export interface AnthropicProviderOptions {
  /**
   * Sent as `Authorization: Bearer <apiKey>`. Default: `ANTHROPIC_API_KEY` from the environment; without
   * one no credential is sent (the SDK's own credential lookup is never used).
   */
  apiKey?: string | undefined;
  /** Default: `https://api.anthropic.com` (`ANTHROPIC_BASE_URL` is not read). */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
  /**
   * `max_tokens` when the request sets neither `max_completion_tokens` nor `max_tokens` (Anthropic
   * requires one). When budget thinking is on, the thinking budget is added to it. Default: `4096`.
   */
  defaultMaxTokens?: number;
  /** How `reasoning_effort` becomes Anthropic's thinking settings. Default: `'budget'`. */
  reasoningMode?: AnthropicReasoningMode;
  /**
   * `budget_tokens` per `reasoning_effort` in `'budget'` mode, merged over the defaults:
   * `minimal` 1024, `low` 1024, `medium` 4096, `high` 8192, `xhigh` 16384, `max` 32768
   * (1024 is Anthropic's minimum budget).
   */
  reasoningBudgets?: Partial<Record<AnthropicThinkingEffort, number>>;
}

/** The adapter `anthropic()` returns: a provider spec v1 adapter with its declared capabilities. */
export interface AnthropicAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<ProviderCapabilities>;
  listModels(): Promise<Array<ModelInfo>>;
}
