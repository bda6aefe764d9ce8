import type { OutputConfig, ThinkingConfigParam } from '@anthropic-ai/sdk/resources/messages';
import type { ReasoningEffort, Warning } from '@switchyard/core';
import type { AnthropicReasoningMode, AnthropicThinkingEffort } from './anthropic-options.js';

/** Anthropic's smallest thinking budget. */
const MIN_THINKING_BUDGET = 1024;

export interface AnthropicThinkingInput {
  effort: ReasoningEffort | undefined;
  /** The request's `max_completion_tokens ?? max_tokens`. */
  maxTokens: number | undefined;
  defaultMaxTokens: number;
  mode: AnthropicReasoningMode;
  budgets: Readonly<Record<AnthropicThinkingEffort, number>>;
}

export interface AnthropicThinkingSettings {
  max_tokens: number;
  thinking?: ThinkingConfigParam;
  effort?: NonNullable<OutputConfig['effort']>;
}

type AdaptiveEffort = NonNullable<OutputConfig['effort']>;

/** Anthropic's effort levels are OpenAI's, except that its lowest is `low`. */
function adaptiveEffort(effort: AnthropicThinkingEffort): AdaptiveEffort {
  switch (effort) {
    case 'minimal':
    case 'low':
      return 'low';
    case 'medium':
    case 'high':
    case 'xhigh':
    case 'max':
      return effort;
    default: {
      const unexpected: never = effort;
      throw new Error(`Unknown reasoning effort ${String(unexpected)}`);
    }
  }
}

/**
 * `max_tokens` (required by Anthropic) and the thinking settings for a request's
 * `reasoning_effort`. `max_completion_tokens` counts reasoning tokens, as Anthropic's `max_tokens`
 * counts thinking tokens, so an explicit limit is sent as it is; without one, the default output
 * allowance plus the thinking budget is sent.
 */
export function convertToAnthropicThinking(
  input: AnthropicThinkingInput,
  warnings: Array<Warning>,
): AnthropicThinkingSettings {
  const { effort, maxTokens, defaultMaxTokens } = input;
  if (effort === undefined || effort === null) return { max_tokens: maxTokens ?? defaultMaxTokens };
  if (effort === 'none') return { max_tokens: maxTokens ?? defaultMaxTokens, thinking: { type: 'disabled' } };
  if (input.mode === 'adaptive') {
    return {
      max_tokens: maxTokens ?? defaultMaxTokens,
      thinking: { type: 'adaptive' },
      effort: adaptiveEffort(effort),
    };
  }

  const budget = input.budgets[effort];
  if (maxTokens === undefined) {
    return { max_tokens: defaultMaxTokens + budget, thinking: { type: 'enabled', budget_tokens: budget } };
  }
  if (maxTokens <= MIN_THINKING_BUDGET) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'reasoning_effort',
      message: `Anthropic's smallest thinking budget is ${MIN_THINKING_BUDGET} tokens and must be below max_tokens (${maxTokens}); thinking was not enabled.`,
    });
    return { max_tokens: maxTokens };
  }
  if (budget < maxTokens) {
    return { max_tokens: maxTokens, thinking: { type: 'enabled', budget_tokens: budget } };
  }
  // The budget must be below max_tokens; half of the limit leaves room for the answer.
  const fitted = Math.max(MIN_THINKING_BUDGET, Math.floor(maxTokens / 2));
  warnings.push({
    type: 'other',
    setting: 'reasoning_effort',
    message: `The '${effort}' thinking budget (${budget} tokens) does not fit below max_tokens (${maxTokens}); ${fitted} tokens were used.`,
  });
  return { max_tokens: maxTokens, thinking: { type: 'enabled', budget_tokens: fitted } };
}
