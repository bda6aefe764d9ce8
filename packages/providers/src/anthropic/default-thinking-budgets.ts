import type { AnthropicThinkingEffort } from './anthropic-options.js';

/**
 * `budget_tokens` per `reasoning_effort` in `'budget'` mode. 1024 is Anthropic's minimum, so
 * `minimal` and `low` share it; `max` (32768) plus the default answer allowance stays within the
 * 64k output limit of every model that takes budget thinking.
 */
export const DEFAULT_THINKING_BUDGETS: Readonly<Record<AnthropicThinkingEffort, number>> = Object.freeze({
  minimal: 1024,
  low: 1024,
  medium: 4096,
  high: 8192,
  xhigh: 16384,
  max: 32768,
});
