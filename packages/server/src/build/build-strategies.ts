import {
  conditional,
  fallback,
  loadBalance,
  type RoutingStrategy,
  single,
  type Target,
  type TargetConfig,
} from '@switchyard/core';
import { cel } from '@switchyard/core/cel';
import { formatConfigPath } from '../config/format-config-path.js';
import type { ProviderConfig } from '../config/schema/provider-config-schema.js';
import type { StrategyConfig, TargetConfigInput } from '../config/schema/strategy-config-schema.js';

type Providers = Readonly<Record<string, ProviderConfig>>;

/** An Azure target without a model calls the provider's pinned deployment (Azure's model id is the deployment). */
const defaultModel = (providers: Providers, provider: string): string | undefined => {
  const config = providers[provider];
  return config !== undefined && (config.type === 'azure-openai' || config.type === 'azure')
    ? config.deployment_id
    : undefined;
};

const toRetry = (retry: NonNullable<TargetConfigInput['retry']>): NonNullable<TargetConfig['retry']> => ({
  attempts: retry.attempts,
  ...(retry.on_status_codes === undefined ? {} : { onStatusCodes: retry.on_status_codes }),
  ...(retry.backoff === undefined
    ? {}
    : {
        backoff: {
          ...(retry.backoff.base === undefined ? {} : { baseMs: retry.backoff.base }),
          ...(retry.backoff.max === undefined ? {} : { maxMs: retry.backoff.max }),
        },
      }),
});

const toOverrideParams = (
  params: NonNullable<TargetConfigInput['override_params']>,
): NonNullable<TargetConfig['overrideParams']> => ({
  ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
  ...(params.top_p === undefined ? {} : { top_p: params.top_p }),
  ...(params.max_tokens === undefined ? {} : { max_tokens: params.max_tokens }),
  ...(params.max_completion_tokens === undefined
    ? {}
    : { max_completion_tokens: params.max_completion_tokens }),
  ...(params.seed === undefined ? {} : { seed: params.seed }),
  ...(params.presence_penalty === undefined ? {} : { presence_penalty: params.presence_penalty }),
  ...(params.frequency_penalty === undefined ? {} : { frequency_penalty: params.frequency_penalty }),
  ...(params.reasoning_effort === undefined ? {} : { reasoning_effort: params.reasoning_effort }),
  ...(params.stop === undefined ? {} : { stop: params.stop }),
});

const toTargetConfig = (provider: string, target: TargetConfigInput, providers: Providers): TargetConfig => {
  const model = target.model ?? defaultModel(providers, provider);
  const { limits } = target;
  return {
    provider,
    ...(model === undefined ? {} : { model }),
    ...(target.weight === undefined ? {} : { weight: target.weight }),
    ...(target.timeout === undefined ? {} : { timeout: target.timeout }),
    ...(target.idle_timeout === undefined ? {} : { idleTimeout: target.idle_timeout }),
    ...(target.retry === undefined ? {} : { retry: toRetry(target.retry) }),
    ...(target.circuit_breaker === undefined ? {} : { circuitBreaker: target.circuit_breaker }),
    ...(target.override_params === undefined
      ? {}
      : { overrideParams: toOverrideParams(target.override_params) }),
    ...(limits === undefined
      ? {}
      : {
          limits: {
            ...(limits.max_concurrency === undefined ? {} : { maxConcurrency: limits.max_concurrency }),
            ...(limits.requests_per_minute === undefined
              ? {}
              : { requestsPerMinute: limits.requests_per_minute }),
          },
        }),
  };
};

/**
 * Turns `strategies:` into core routing strategies. `strategy: <name>` targets nest one strategy in
 * another (the loader has rejected unknown names and cycles); conditions compile with CEL.
 */
export function buildStrategies(
  strategies: Readonly<Record<string, StrategyConfig>>,
  providers: Providers,
): Record<string, RoutingStrategy> {
  const built = new Map<string, RoutingStrategy>();

  const toTarget = (target: TargetConfigInput): Target => {
    if (target.strategy !== undefined) return build(target.strategy);
    return toTargetConfig(target.provider ?? '', target, providers);
  };

  const build = (name: string): RoutingStrategy => {
    const existing = built.get(name);
    if (existing !== undefined) return existing;
    const config = strategies[name];
    if (config === undefined) throw new Error(`Unknown strategy '${name}'.`);
    const strategy = createStrategy(name, config, toTarget);
    built.set(name, strategy);
    return strategy;
  };

  return Object.fromEntries(Object.keys(strategies).map((name) => [name, build(name)]));
}

function createStrategy(
  name: string,
  config: StrategyConfig,
  toTarget: (target: TargetConfigInput) => Target,
): RoutingStrategy {
  switch (config.type) {
    case 'load_balance':
      return loadBalance(
        (config.targets ?? config.providers ?? []).map(toTarget),
        config.sticky_key === undefined ? {} : { stickyKey: config.sticky_key },
      );
    case 'fallback':
      return fallback((config.targets ?? config.providers ?? []).map(toTarget), {
        ...(config.on_status_codes === undefined ? {} : { onStatusCodes: config.on_status_codes }),
        ...(config.on_timeout === undefined ? {} : { onTimeout: config.on_timeout }),
        ...(config.on_connection_error === undefined
          ? {}
          : { onConnectionError: config.on_connection_error }),
      });
    case 'conditional':
      return conditional({
        rules: config.rules.map((rule, index) => {
          const where = formatConfigPath(['strategies', name, 'rules', index, 'condition']);
          return { when: cel(rule.condition, { name: where }), target: toTarget(rule.target), name: where };
        }),
        ...(config.default === undefined ? {} : { default: toTarget(config.default) }),
      });
    case 'single':
      return single(toTarget(config.target));
    default: {
      const unreachable: never = config;
      return unreachable;
    }
  }
}
