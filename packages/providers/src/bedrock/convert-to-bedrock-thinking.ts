import type { ReasoningEffort, Warning } from '@switchyard/core';

export interface ConvertToBedrockThinkingInput {
  provider: string;
  modelId: string;
  effort: ReasoningEffort | undefined;
  /** The request's `max_completion_tokens ?? max_tokens`. */
  maxTokens: number | undefined;
}

// A type alias, not an interface: the SDK's JSON document type needs the implicit index signature.
export type AnthropicThinking = {
  thinking: { type: 'enabled'; budget_tokens: number };
};

export interface ConvertedThinking {
  /** Sent as Converse `additionalModelRequestFields`. */
  additionalModelRequestFields: AnthropicThinking | undefined;
  /** The `inferenceConfig.maxTokens` to send. */
  maxTokens: number | undefined;
  warnings: Array<Warning>;
}

/** Claude's smallest thinking budget. */
const MIN_BUDGET = 1024;
/** Room for the answer after the thinking, when the request sets no max tokens. */
const ANSWER_TOKENS = 4096;

/**
 * Thinking budgets for `reasoning_effort`. `minimal` and `low` both get Claude's minimum (Anthropic
 * recommends starting there); each step up roughly quadruples the budget.
 */
function budgetFor(effort: Exclude<ReasoningEffort, 'none' | null>): number {
  switch (effort) {
    case 'minimal':
    case 'low':
      return 1024;
    case 'medium':
      return 4096;
    case 'high':
      return 16384;
    case 'xhigh':
      return 24576;
    case 'max':
      return 32768;
    default: {
      const unexpected: never = effort;
      throw new Error(`Unknown reasoning_effort ${String(unexpected)}`);
    }
  }
}

// Foundation model ids, cross-region inference profiles (`us.anthropic…`, `global.anthropic…`) and ARNs.
const isAnthropicModel = (modelId: string): boolean => /(^|[./])anthropic\./.test(modelId);

/**
 * `reasoning_effort` as Claude's extended thinking (`additionalModelRequestFields.thinking`), the one
 * model family on Bedrock whose reasoning switch this adapter knows; for other models it is not sent,
 * with a warning. Claude needs `max_tokens` above the budget (the budget counts toward it, as
 * OpenAI's `max_completion_tokens` counts reasoning): without a limit the adapter sends budget + 4096,
 * and a limit at or below the budget lowers the budget to fit, with a warning.
 */
export function convertToBedrockThinking(input: ConvertToBedrockThinkingInput): ConvertedThinking {
  const { provider, effort, maxTokens } = input;
  const none: ConvertedThinking = { additionalModelRequestFields: undefined, maxTokens, warnings: [] };
  // Thinking is off unless enabled, which is what `none` asks for.
  if (effort === undefined || effort === null || effort === 'none') return none;
  if (!isAnthropicModel(input.modelId)) {
    return {
      ...none,
      warnings: [
        {
          type: 'unsupported-setting',
          setting: 'reasoning_effort',
          message: `${provider} maps reasoning_effort to Anthropic Claude thinking only; it was not sent for model ${input.modelId}.`,
        },
      ],
    };
  }
  const budget = budgetFor(effort);
  if (maxTokens === undefined) {
    return { ...enabled(budget), maxTokens: budget + ANSWER_TOKENS, warnings: [] };
  }
  if (maxTokens > budget) return { ...enabled(budget), maxTokens, warnings: [] };
  if (maxTokens - 1 >= MIN_BUDGET) {
    return {
      ...enabled(maxTokens - 1),
      maxTokens,
      warnings: [
        {
          type: 'other',
          message: `${provider}: the thinking budget for reasoning_effort '${effort}' (${budget}) must be below max tokens (${maxTokens}); it was lowered to ${maxTokens - 1}.`,
        },
      ],
    };
  }
  return {
    ...none,
    warnings: [
      {
        type: 'unsupported-setting',
        setting: 'reasoning_effort',
        message: `${provider}: Claude thinking needs more than ${MIN_BUDGET} max tokens; reasoning_effort was not sent.`,
      },
    ],
  };
}

const enabled = (budget: number): Pick<ConvertedThinking, 'additionalModelRequestFields'> => ({
  additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: budget } },
});
