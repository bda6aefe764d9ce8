import { z } from 'zod';
import {
  nonNegativeInteger,
  positiveInteger,
  positiveNumber,
  seconds,
  strictObject,
  text,
  yamlNumber,
} from './yaml-values.js';

const statusCodes = () => z.array(z.number().int().min(100).max(599));

/** `retry: 2` is shorthand for `retry: { attempts: 2 }`. */
const retrySchema = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'string' ? { attempts: value } : value),
  strictObject({
    attempts: nonNegativeInteger(),
    on_status_codes: statusCodes().optional(),
    backoff: strictObject({ base: seconds().optional(), max: seconds().optional() }).optional(),
  }),
);

/** Request fields a target may force, e.g. `override_params: { temperature: 0 }`. */
const overrideParamsSchema = strictObject({
  temperature: yamlNumber().optional(),
  top_p: yamlNumber().optional(),
  max_tokens: positiveInteger().optional(),
  max_completion_tokens: positiveInteger().optional(),
  seed: z.number().int().optional(),
  presence_penalty: yamlNumber().optional(),
  frequency_penalty: yamlNumber().optional(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
});

/**
 * A provider + model to call, or (`strategy: <name>`) another named strategy, which is how strategies nest.
 * `timeout`/`idle_timeout` are seconds, as in the reference configuration.
 */
export const targetConfigSchema = strictObject({
  provider: text().optional(),
  strategy: text().optional(),
  model: text().optional(),
  weight: positiveNumber().optional(),
  timeout: seconds().optional(),
  idle_timeout: seconds().optional(),
  retry: retrySchema.optional(),
  limits: strictObject({
    max_concurrency: positiveInteger().optional(),
    requests_per_minute: positiveInteger().optional(),
  }).optional(),
  circuit_breaker: z.literal(false).optional(),
  override_params: overrideParamsSchema.optional(),
}).superRefine((target, context) => {
  if ((target.provider === undefined) === (target.strategy === undefined)) {
    context.addIssue({
      code: 'custom',
      message:
        'expected exactly one of `provider` (a key of `providers`) or `strategy` (a key of `strategies`)',
    });
  }
  if (target.strategy !== undefined) {
    const extra = Object.entries(target).filter(([key, value]) => value !== undefined && key !== 'strategy');
    if (extra.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `a \`strategy\` target takes no other settings; move ${extra.map(([key]) => `\`${key}\``).join(', ')} into the targets of strategy '${target.strategy}'`,
      });
    }
  }
});

export type TargetConfigInput = z.output<typeof targetConfigSchema>;

const targetList = () => z.array(targetConfigSchema).min(1, 'expected at least one target');

const targetLists = { targets: targetList().optional(), providers: targetList().optional() };

/** `load_balance` and `fallback` take their list as `targets:` or, as the reference configuration writes it, `providers:`. */
const requireOneTargetList = (
  strategy: { targets?: ReadonlyArray<unknown> | undefined; providers?: ReadonlyArray<unknown> | undefined },
  context: z.core.$RefinementCtx,
): void => {
  if ((strategy.targets === undefined) === (strategy.providers === undefined)) {
    context.addIssue({
      code: 'custom',
      message: 'expected exactly one of `targets` or `providers` (a list of targets)',
    });
  }
};

const ruleSchema = strictObject({
  condition: z
    .string()
    .min(1, 'expected a CEL expression such as "request.user == \'code-assistant\'" or "default"'),
  target: targetConfigSchema,
});

export const strategyConfigSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({
      type: z.literal('load_balance'),
      ...targetLists,
      /** A metadata key (e.g. `user_id`) whose value pins a caller to one target. */
      sticky_key: text().optional(),
    }).superRefine(requireOneTargetList),
    strictObject({
      type: z.literal('fallback'),
      ...targetLists,
      on_status_codes: statusCodes().optional(),
      on_timeout: z.boolean().optional(),
      on_connection_error: z.boolean().optional(),
    }).superRefine(requireOneTargetList),
    strictObject({
      type: z.literal('conditional'),
      rules: z.array(ruleSchema).min(1, 'expected at least one rule'),
      default: targetConfigSchema.optional(),
    }),
    strictObject({ type: z.literal('single'), target: targetConfigSchema }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? "expected `type` to be one of 'load_balance', 'fallback', 'conditional', 'single'"
        : undefined,
  },
);

export type StrategyConfig = z.output<typeof strategyConfigSchema>;
