import { type ContentClassifier, guardrails, llmJudge, openAIModeration } from '@switchyard/guardrails';
import { ConfigError } from '../../config/config-error.js';
import { planGuardrails } from '../../config/plan-guardrails.js';
import type { SectionAdapter, SectionContext } from './section-adapter.js';

const classifierFor = (
  { config, gateway, fetch }: SectionContext,
  plan: ReturnType<typeof planGuardrails>,
): ContentClassifier | undefined => {
  const classifier = plan.classifier;
  if (classifier === undefined) return undefined;
  if (classifier.type === 'llm_judge') {
    return llmJudge({
      gateway,
      model: classifier.model,
      ...(classifier.categories === undefined ? {} : { categories: classifier.categories }),
      ...(classifier.instructions === undefined ? {} : { instructions: classifier.instructions }),
    });
  }
  const provider = classifier.provider === undefined ? undefined : config.providers?.[classifier.provider];
  const fromProvider = provider?.type === 'openai' ? provider : undefined;
  const apiKey = classifier.api_key ?? fromProvider?.api_key ?? globalThis.process?.env.OPENAI_API_KEY;
  if (apiKey === undefined) {
    throw new ConfigError([
      {
        path: 'guardrails.classifier',
        message: "openai_moderation needs an API key: set api_key, or the provider's api_key",
      },
    ]);
  }
  const baseURL = classifier.base_url ?? fromProvider?.base_url;
  return openAIModeration({
    apiKey,
    ...(baseURL === undefined ? {} : { baseURL }),
    ...(classifier.model === undefined ? {} : { model: classifier.model }),
    ...(fetch === undefined ? {} : { fetch }),
  });
};

/**
 * `guardrails:` → `@switchyard/guardrails`: named sets a request selects (as in the reference article),
 * and the `default` sets on every request.
 */
export const applyGuardrailsSection: SectionAdapter = async (context) => {
  if (context.config.guardrails === undefined) return undefined;
  const plan = planGuardrails(context.config);
  const classifier = classifierFor(context, plan);
  const always = plan.defaults.flatMap((name) => (plan.sets[name] === undefined ? [] : [plan.sets[name]]));
  const guards = guardrails({
    sets: plan.sets,
    input: always.flatMap((set) => set.input),
    output: always.flatMap((set) => set.output),
    ...(classifier === undefined ? {} : { classifier }),
    onResult: (result) => {
      if (result.verdict === 'fail')
        context.logger.info('guardrail', { check: result.check, stage: result.stage, action: result.action });
    },
  });
  return { middleware: [guards], admin: { guardrails: guards } };
};
