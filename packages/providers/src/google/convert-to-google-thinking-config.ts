import { type ThinkingConfig, ThinkingLevel } from '@google/genai';
import type { ReasoningEffort, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';

export interface GoogleThinkingConversion {
  thinkingConfig: ThinkingConfig | undefined;
  warnings: Array<Warning>;
}

/** Gemini 3 and later take a `thinkingLevel`; Gemini 2.5 takes a token `thinkingBudget` (and rejects levels). */
export function usesThinkingLevels(modelId: string): boolean {
  const major = /gemini-(\d+)/.exec(modelId)?.[1];
  return major !== undefined && Number(major) >= 3;
}

// The highest budget every Gemini 2.5 model accepts (Flash tops out at 24576, Pro at 32768).
const MAX_SHARED_BUDGET = 24_576;

const warn = (message: string): Warning => ({
  type: 'unsupported-setting',
  setting: 'reasoning_effort',
  message,
});

function levelConfig(effort: Exclude<ReasoningEffort, null>, provider: string): GoogleThinkingConversion {
  const withThoughts = (thinkingLevel: ThinkingLevel, warnings: Array<Warning> = []) => ({
    thinkingConfig: { thinkingLevel, includeThoughts: true },
    warnings,
  });
  switch (effort) {
    case 'none':
      return withThoughts(ThinkingLevel.MINIMAL, [
        warn(
          "Gemini 3 models cannot turn thinking off; reasoning_effort 'none' was sent as thinkingLevel MINIMAL.",
        ),
      ]);
    case 'minimal':
      return withThoughts(ThinkingLevel.MINIMAL);
    case 'low':
      return withThoughts(ThinkingLevel.LOW);
    case 'medium':
      return withThoughts(ThinkingLevel.MEDIUM);
    case 'high':
      return withThoughts(ThinkingLevel.HIGH);
    case 'xhigh':
      return withThoughts(ThinkingLevel.XHIGH);
    case 'max':
      return withThoughts(ThinkingLevel.XHIGH, [
        warn("Gemini has no 'max' thinking level; reasoning_effort 'max' was sent as XHIGH, the highest."),
      ]);
    default: {
      const unexpected: never = effort;
      throw invalidRequestError(
        provider,
        'reasoning_effort',
        `Unknown reasoning_effort '${String(unexpected)}'.`,
      );
    }
  }
}

function budgetConfig(effort: Exclude<ReasoningEffort, null>, provider: string): GoogleThinkingConversion {
  const withThoughts = (thinkingBudget: number, warnings: Array<Warning> = []) => ({
    thinkingConfig: { thinkingBudget, includeThoughts: true },
    warnings,
  });
  switch (effort) {
    case 'none':
      // A zero budget turns thinking off (Gemini 2.5 Pro cannot, and answers 400).
      return { thinkingConfig: { thinkingBudget: 0 }, warnings: [] };
    case 'minimal':
      return withThoughts(512);
    case 'low':
      return withThoughts(1024);
    case 'medium':
      return withThoughts(8192);
    case 'high':
      return withThoughts(MAX_SHARED_BUDGET);
    case 'xhigh':
    case 'max':
      return withThoughts(MAX_SHARED_BUDGET, [
        warn(
          `Gemini 2.5 has no thinking budget above 'high' that every model accepts; reasoning_effort '${effort}' was sent as thinkingBudget ${MAX_SHARED_BUDGET}.`,
        ),
      ]);
    default: {
      const unexpected: never = effort;
      throw invalidRequestError(
        provider,
        'reasoning_effort',
        `Unknown reasoning_effort '${String(unexpected)}'.`,
      );
    }
  }
}

/**
 * `reasoning_effort` → Gemini's `thinkingConfig`, asking for thought summaries (`includeThoughts`) so they
 * come back as reasoning text. Without a `reasoning_effort` the model's default thinking applies.
 */
export function convertToGoogleThinkingConfig(
  effort: ReasoningEffort | undefined,
  modelId: string,
  provider: string,
): GoogleThinkingConversion {
  if (effort === undefined || effort === null) return { thinkingConfig: undefined, warnings: [] };
  return usesThinkingLevels(modelId) ? levelConfig(effort, provider) : budgetConfig(effort, provider);
}
