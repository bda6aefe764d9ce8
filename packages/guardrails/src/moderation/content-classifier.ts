import type { RequestOptions } from '@switchyard/core';
import type { GuardrailStage } from '../check/guardrail-check.js';

/** Categories as OpenAI's moderation endpoint names them; a category covers its subcategories (`hate/threatening`). */
export type ModerationCategory =
  | 'hate'
  | 'harassment'
  | 'violence'
  | 'self-harm'
  | 'sexual'
  | 'sexual/minors'
  | 'illicit'
  | 'toxicity';

/** Scores from 0 (certainly not) to 1 (certainly), by category. */
export type ModerationScores = Readonly<Record<string, number>>;

export interface ClassifierContext {
  readonly stage: GuardrailStage;
  readonly signal: AbortSignal | undefined;
  /** Options for a call through a gateway whose guardrails should let it through (an LLM judge). */
  requestOptions(options?: RequestOptions): RequestOptions;
}

/**
 * Scores a text by category: `openAIModeration()`, `llmJudge()`, or any function (a local model, a
 * vendor API). Throwing makes the check fail (or pass, with `failOnCheckError: false`).
 */
export type ContentClassifier = (
  text: string,
  context: ClassifierContext,
) => ModerationScores | Promise<ModerationScores>;

/** The score of `category`: the highest of it and its subcategories (`hate` covers `hate/threatening`). */
export function categoryScore(scores: ModerationScores, category: string): number {
  let score = 0;
  for (const [name, value] of Object.entries(scores)) {
    if ((name === category || name.startsWith(`${category}/`)) && value > score) score = value;
  }
  return score;
}
