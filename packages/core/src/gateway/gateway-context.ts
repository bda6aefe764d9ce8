import type { MiddlewareState } from '../middleware/middleware.js';
import type { FetchFunction, ProviderAdapter } from '../provider/provider-adapter.js';
import type { CircuitBreaker } from '../routing/circuit/circuit-breaker.js';
import type { RequestDeadline } from '../routing/request-deadline.js';
import type { RoutingStrategy, TargetConfig } from '../routing/routing-strategy.js';
import type { TargetLimiter } from '../routing/target-limiter.js';
import type { CompletionUsage } from '../types/chat-completion.js';
import type { SwitchyardMetadata } from '../types/switchyard-metadata.js';
import type { Pricing } from './gateway-options.js';

/** Settings of one gateway instance, resolved with their defaults. */
export interface GatewaySettings {
  readonly providers: Readonly<Record<string, ProviderAdapter>>;
  readonly pricing: Pricing | undefined;
  readonly fetch: FetchFunction | undefined;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly circuitBreaker: CircuitBreaker | undefined;
  readonly limiter: TargetLimiter;
}

/** Everything the router needs for one request. */
export interface RequestContext {
  readonly settings: GatewaySettings;
  readonly state: MiddlewareState;
  readonly strategy: RoutingStrategy;
  readonly requestedModel: string | undefined;
  readonly deadline: RequestDeadline;
}

/** The key a target's circuit and limits are kept under. */
export const targetKey = (target: TargetConfig, requestedModel: string | undefined): string =>
  `${target.provider}/${target.model ?? requestedModel ?? ''}`;

/** Whether a strategy may pick a target now: false while its circuit is open. */
export const targetAvailability =
  (settings: GatewaySettings, requestedModel: string | undefined) =>
  (target: TargetConfig): boolean =>
    settings.circuitBreaker === undefined ||
    target.circuitBreaker === false ||
    settings.circuitBreaker.isAvailable(targetKey(target, requestedModel));

/** Adds `estimated_cost` to usage when the gateway has a price for the model that answered. */
export function priceUsage(context: RequestContext, usage: CompletionUsage): CompletionUsage {
  const { state, settings } = context;
  const providerKey = state.provider;
  const adapter = providerKey === undefined ? undefined : settings.providers[providerKey];
  if (settings.pricing === undefined || adapter === undefined || providerKey === undefined) return usage;
  const cost = settings.pricing({ provider: adapter.provider, providerKey, model: state.model ?? '', usage });
  return cost === undefined ? usage : { ...usage, estimated_cost: cost };
}

/** The `switchyard` field of a response, as the request state says now. */
export function buildMetadata(state: MiddlewareState, rawFinishReason?: string): SwitchyardMetadata {
  const metadata: SwitchyardMetadata = {
    provider: state.provider ?? '',
    model: state.model ?? '',
    route: state.route,
    attempts: state.attempts,
    cache: state.cache,
    latencyMs: Math.round((performance.now() - state.startedAt) * 100) / 100,
    traceId: state.traceId,
    warnings: state.warnings,
  };
  if (rawFinishReason !== undefined) metadata.rawFinishReason = rawFinishReason;
  if (state.guardrails !== undefined && state.guardrails.length > 0) metadata.guardrails = state.guardrails;
  if (state.prompt !== undefined) metadata.prompt = state.prompt;
  return metadata;
}
