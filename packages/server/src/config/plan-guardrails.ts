import type { CheckSpec } from '@switchyard/guardrails';
import type { RawIssue } from './raw-issue.js';
import type { ConfigDocument } from './schema/config-schema.js';
import type { ClassifierConfig, GuardrailCheckConfig } from './schema/guardrails-config-schema.js';

export interface GuardrailSetPlan {
  input: Array<CheckSpec>;
  output: Array<CheckSpec>;
}

export interface GuardrailsPlan {
  /** Named sets, selected per request (`guardrails: [...]` in the body or `x-switchyard-guardrails`). */
  sets: Record<string, GuardrailSetPlan>;
  /** Sets that run on every request. */
  defaults: Array<string>;
  /** The classifier for moderation checks, when any needs one. */
  classifier: ClassifierConfig | undefined;
  issues: Array<RawIssue>;
  warnings: Array<string>;
}

const INPUT_NAME = /(^|[-_.])input([-_.]|$)/i;
const OUTPUT_NAME = /(^|[-_.])output([-_.]|$)/i;

/** The article's spelling (snake_case) as `@switchyard/guardrails` takes it. */
export function toCheckSpec(check: GuardrailCheckConfig): CheckSpec {
  const options = {
    ...(check.action === undefined ? {} : { action: check.action }),
    ...(check.name === undefined ? {} : { name: check.name }),
    ...(check.max_retries === undefined ? {} : { maxRetries: check.max_retries }),
  };
  switch (check.type) {
    case 'keyword_filter':
      return {
        type: check.type,
        ...options,
        ...(check.blocklist === undefined ? {} : { blocklist: check.blocklist }),
        ...(check.patterns === undefined ? {} : { patterns: check.patterns }),
        ...(check.allowlist === undefined ? {} : { allowlist: check.allowlist }),
        ...(check.whole_word === undefined ? {} : { wholeWord: check.whole_word }),
        ...(check.case_sensitive === undefined ? {} : { caseSensitive: check.case_sensitive }),
        ...(check.pattern_max_length === undefined ? {} : { patternMaxLength: check.pattern_max_length }),
      };
    case 'pii_detector':
      return {
        type: check.type,
        ...options,
        ...(check.entities === undefined ? {} : { entities: check.entities }),
        ...(check.restore === undefined ? {} : { restore: check.restore }),
      };
    case 'toxicity_check':
      return {
        type: check.type,
        ...options,
        ...(check.threshold === undefined ? {} : { threshold: check.threshold }),
      };
    case 'content_policy':
      return {
        type: check.type,
        ...options,
        ...(check.categories === undefined ? {} : { categories: check.categories }),
        ...(check.threshold === undefined ? {} : { threshold: check.threshold }),
        ...(check.thresholds === undefined ? {} : { thresholds: check.thresholds }),
      };
    case 'response_format': {
      const schema = check.schema ?? check.required_schema;
      return {
        type: check.type,
        ...options,
        ...(schema === undefined ? {} : { schema }),
        ...(check.draft === undefined ? {} : { draft: check.draft }),
      };
    }
    default: {
      const unreachable: never = check;
      return unreachable;
    }
  }
}

const stageOf = (setName: string, check: GuardrailCheckConfig): 'input' | 'output' | undefined => {
  if (check.stage !== undefined) return check.stage;
  if (check.type === 'response_format') return 'output';
  if (OUTPUT_NAME.test(setName)) return 'output';
  if (INPUT_NAME.test(setName)) return 'input';
  return undefined;
};

/**
 * Decides where each configured check runs and which classifier moderation checks use. A check in a plain
 * list runs where its `stage` says, else where its set's name says (`input-validation`, `output-validation`);
 * anything undecidable is an issue rather than a guess.
 */
export function planGuardrails(config: ConfigDocument): GuardrailsPlan {
  const sets = config.guardrails?.sets ?? {};
  const defaults = config.guardrails?.defaults ?? [];
  const plan: GuardrailsPlan = {
    sets: {},
    defaults,
    classifier: config.guardrails?.classifier,
    issues: [],
    warnings: [],
  };
  defaults.forEach((name, index) => {
    if (!Object.hasOwn(sets, name)) {
      plan.issues.push({
        path: ['guardrails', 'default', index],
        message: `unknown guardrail set '${name}' (defined: ${Object.keys(sets).join(', ') || 'none'})`,
      });
    }
  });
  let needsClassifier: ReadonlyArray<PropertyKey> | undefined;
  for (const [name, set] of Object.entries(sets)) {
    const target: GuardrailSetPlan = { input: [], output: [] };
    plan.sets[name] = target;
    const entries = Array.isArray(set)
      ? set.map((check, index) => ({ check, path: ['guardrails', name, index], stage: stageOf(name, check) }))
      : [
          ...(set.input ?? []).map((check, index) => ({
            check,
            path: ['guardrails', name, 'input', index],
            stage: 'input' as const,
          })),
          ...(set.output ?? []).map((check, index) => ({
            check,
            path: ['guardrails', name, 'output', index],
            stage: 'output' as const,
          })),
        ];
    for (const { check, path, stage } of entries) {
      if (stage === undefined) {
        plan.issues.push({
          path,
          message: `say where this check runs: add \`stage: input\` or \`stage: output\`, name the set *-input / *-output, or write \`${name}: { input: [...], output: [...] }\``,
        });
        continue;
      }
      if (check.type === 'response_format' && stage === 'input') {
        plan.issues.push({
          path: [...path, 'stage'],
          message: 'response_format checks answers: expected `output`',
        });
        continue;
      }
      if (check.type === 'toxicity_check' || check.type === 'content_policy') needsClassifier ??= path;
      target[stage].push(toCheckSpec(check));
    }
  }
  if (needsClassifier !== undefined && plan.classifier === undefined) {
    const openai = Object.entries(config.providers ?? {}).find(([, provider]) => provider.type === 'openai');
    if (openai === undefined) {
      plan.issues.push({
        path: needsClassifier,
        message:
          'moderation checks need a classifier: set guardrails.classifier ({ type: openai_moderation } or { type: llm_judge, model: … })',
      });
    } else {
      plan.classifier = { type: 'openai_moderation', provider: openai[0] };
      plan.warnings.push(
        `guardrails: toxicity_check/content_policy use OpenAI's moderation endpoint with provider '${openai[0]}' (set guardrails.classifier to choose another classifier)`,
      );
    }
  }
  const named = plan.classifier?.type === 'openai_moderation' ? plan.classifier.provider : undefined;
  if (named !== undefined && config.providers?.[named]?.type !== 'openai') {
    plan.issues.push({
      path: ['guardrails', 'classifier', 'provider'],
      message: `expected the name of an \`openai\` provider, got '${named}'`,
    });
  }
  return plan;
}
