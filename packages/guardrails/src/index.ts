export type { CheckDefinition, CheckSpec } from './check/check-spec.js';
export type {
  CheckInput,
  CheckOptions,
  CheckResult,
  GuardrailAction,
  GuardrailCheck,
  GuardrailStage,
  GuardrailVerdict,
  Span,
  SpanScanner,
} from './check/guardrail-check.js';
export type { GuardrailCheckStats, GuardrailResult, GuardrailStats } from './check/guardrail-result.js';
export {
  type CustomVerdict,
  customCheck,
  type InputCheckFunction,
  inputCheck,
  type OutputCheckFunction,
} from './custom/custom-check.js';
export { type Guardrails, guardrails } from './guardrails.js';
export type { GuardrailSet, GuardrailsOptions, RegisterOptions } from './guardrails-options.js';
export { type KeywordFilterOptions, keywordFilter } from './keyword/keyword-filter.js';
export type {
  ClassifierContext,
  ContentClassifier,
  ModerationCategory,
  ModerationScores,
} from './moderation/content-classifier.js';
export {
  type ContentPolicyOptions,
  contentPolicy,
  type ToxicityCheckOptions,
  toxicityCheck,
} from './moderation/content-policy.js';
export { type ChatCompleter, type LlmJudgeOptions, llmJudge } from './moderation/llm-judge.js';
export { type OpenAIModerationOptions, openAIModeration } from './moderation/openai-moderation.js';
export { isLuhnValid } from './pii/luhn.js';
export { type PiiDetectorCheck, type PiiDetectorOptions, piiDetector } from './pii/pii-detector.js';
export type { PiiEntity } from './pii/pii-entity.js';
export { EXCLUDED_TARGETS_LOCAL } from './run/guard-completion.js';
export { GUARDRAILS_LOCAL, guardrailResults } from './run/request-guardrails.js';
export { type JsonSchemaOptions, jsonSchema } from './schema/json-schema-check.js';
export type { SafeParseSchema } from './schema/safe-parse-schema.js';
