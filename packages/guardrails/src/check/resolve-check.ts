import { InvalidConfigError } from '@switchyard/core';
import { keywordFilter } from '../keyword/keyword-filter.js';
import type { ContentClassifier } from '../moderation/content-classifier.js';
import { contentPolicy, toxicityCheck } from '../moderation/content-policy.js';
import { piiDetector } from '../pii/pii-detector.js';
import { jsonSchema } from '../schema/json-schema-check.js';
import type { CheckDefinition, CheckSpec } from './check-spec.js';
import type { GuardrailAction, GuardrailCheck } from './guardrail-check.js';

/** What a `{ type: 'custom' }` entry changes on the registered check. */
export interface CheckOverrides {
  action?: GuardrailAction;
  maxRetries?: number;
}

/** A resolved check, or a registered name looked up when a request runs (checks may be registered later). */
export type CheckRef = GuardrailCheck | { registered: string; overrides: CheckOverrides };

const isCheck = (definition: GuardrailCheck | CheckSpec): definition is GuardrailCheck =>
  'run' in definition && typeof definition.run === 'function';

const needClassifier = (type: string, classifier: ContentClassifier | undefined): ContentClassifier => {
  if (classifier === undefined) {
    throw new InvalidConfigError(
      `${type} needs a classifier: pass \`classifier\` on the check or on guardrails({ classifier }).`,
    );
  }
  return classifier;
};

/** Builds the check a definition describes; `classifier` is the default for moderation checks. */
export function resolveCheck(
  definition: CheckDefinition,
  classifier: ContentClassifier | undefined,
): CheckRef {
  if (typeof definition === 'string') return { registered: definition, overrides: {} };
  if (isCheck(definition)) return definition;
  switch (definition.type) {
    case 'keyword_filter': {
      const { type: _type, ...options } = definition;
      return keywordFilter(options);
    }
    case 'pii_detector': {
      const { type: _type, ...options } = definition;
      return piiDetector(options);
    }
    case 'toxicity_check': {
      const { type, classifier: own, ...options } = definition;
      return toxicityCheck({ ...options, classifier: needClassifier(type, own ?? classifier) });
    }
    case 'content_policy': {
      const { type, classifier: own, ...options } = definition;
      return contentPolicy({ ...options, classifier: needClassifier(type, own ?? classifier) });
    }
    case 'response_format': {
      const { type: _type, required_schema, ...options } = definition;
      const schema = options.schema ?? required_schema;
      return jsonSchema(schema === undefined ? options : { ...options, schema });
    }
    case 'custom': {
      const overrides: CheckOverrides = {};
      if (definition.action !== undefined) overrides.action = definition.action;
      if (definition.maxRetries !== undefined) overrides.maxRetries = definition.maxRetries;
      return { registered: definition.name, overrides };
    }
    default: {
      const exhaustive: never = definition;
      throw new InvalidConfigError(`Unknown guardrail check ${JSON.stringify(exhaustive)}.`);
    }
  }
}
