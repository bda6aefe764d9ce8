import { InvalidConfigError } from '@switchyard/core';
import { type CheckOptions, DEFAULT_MAX_RETRIES, type GuardrailCheck } from '../check/guardrail-check.js';
import { type ContentClassifier, categoryScore, type ModerationCategory } from './content-classifier.js';

export interface ContentPolicyOptions extends CheckOptions {
  /** Categories that fail the check. Default: `hate`, `harassment`, `violence`, `self-harm`, `sexual`. */
  categories?: ReadonlyArray<ModerationCategory | (string & {})>;
  /** Score at or above which a category fails. Default 0.5. */
  threshold?: number;
  /** Per-category thresholds, over `threshold`. */
  thresholds?: Readonly<Record<string, number>>;
  classifier: ContentClassifier;
}

const DEFAULT_CATEGORIES = ['hate', 'harassment', 'violence', 'self-harm', 'sexual'];

const checkThreshold = (value: number, what: string): number => {
  if (!(value >= 0 && value <= 1))
    throw new InvalidConfigError(`${what} must be between 0 and 1, got ${value}.`);
  return value;
};

/** Fails when the classifier scores any listed category at or above its threshold. */
export function contentPolicy(options: ContentPolicyOptions): GuardrailCheck {
  const categories = options.categories ?? DEFAULT_CATEGORIES;
  const threshold = checkThreshold(options.threshold ?? 0.5, 'content_policy threshold');
  const thresholds = new Map(
    categories.map((category) => [
      category,
      checkThreshold(options.thresholds?.[category] ?? threshold, `content_policy threshold for ${category}`),
    ]),
  );
  return {
    name: options.name ?? 'content_policy',
    action: options.action ?? 'block',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    async run({ text, stage, signal, requestOptions }) {
      const scores = await options.classifier(text, { stage, signal, requestOptions });
      const flagged = categories.filter(
        (category) => categoryScore(scores, category) >= (thresholds.get(category) ?? 1),
      );
      if (flagged.length === 0) return { verdict: 'pass', data: { scores } };
      const list = flagged.map((category) => `${category} (${categoryScore(scores, category).toFixed(2)})`);
      return { verdict: 'fail', reason: `Flagged for ${list.join(', ')}.`, data: { scores } };
    },
  };
}

export interface ToxicityCheckOptions extends CheckOptions {
  /** Score at or above which the text is toxic. Default 0.8 (as in the reference configuration). */
  threshold?: number;
  classifier: ContentClassifier;
}

/**
 * Fails when the text is toxic: the classifier's `toxicity` score, or when it has none, its highest score
 * in any category.
 */
export function toxicityCheck(options: ToxicityCheckOptions): GuardrailCheck {
  const threshold = checkThreshold(options.threshold ?? 0.8, 'toxicity_check threshold');
  return {
    name: options.name ?? 'toxicity_check',
    action: options.action ?? 'block',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    async run({ text, stage, signal, requestOptions }) {
      const scores = await options.classifier(text, { stage, signal, requestOptions });
      const toxicity = scores.toxicity ?? Math.max(0, ...Object.values(scores));
      if (toxicity < threshold) return { verdict: 'pass', data: { toxicity } };
      return {
        verdict: 'fail',
        reason: `Toxicity ${toxicity.toFixed(2)} is at or above ${threshold}.`,
        data: { toxicity, scores },
      };
    },
  };
}
