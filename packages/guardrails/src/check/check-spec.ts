import type { KeywordFilterOptions } from '../keyword/keyword-filter.js';
import type { ContentClassifier } from '../moderation/content-classifier.js';
import type { ContentPolicyOptions, ToxicityCheckOptions } from '../moderation/content-policy.js';
import type { PiiDetectorOptions } from '../pii/pii-detector.js';
import type { JsonSchemaOptions } from '../schema/json-schema-check.js';
import type { CheckOptions, GuardrailCheck } from './guardrail-check.js';

/** The reference article's configuration form, e.g. `{ type: 'keyword_filter', blocklist: [...], action: 'block' }`. */
export type CheckSpec =
  | ({ type: 'keyword_filter' } & KeywordFilterOptions)
  | ({ type: 'pii_detector' } & PiiDetectorOptions)
  | ({ type: 'toxicity_check'; classifier?: ContentClassifier } & Omit<ToxicityCheckOptions, 'classifier'>)
  | ({ type: 'content_policy'; classifier?: ContentClassifier } & Omit<ContentPolicyOptions, 'classifier'>)
  | ({
      type: 'response_format';
      /** The article's spelling of `schema`. */
      required_schema?: JsonSchemaOptions['schema'];
    } & JsonSchemaOptions)
  | ({ type: 'custom' /** A name given to `guards.register()`. */; name: string } & Omit<
      CheckOptions,
      'name'
    >);

/** A check in `input`, `output` or a set: built (`piiDetector({...})`), configured (`{ type: ... }`), or a registered name. */
export type CheckDefinition = GuardrailCheck | CheckSpec | string;
