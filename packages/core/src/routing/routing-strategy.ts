import type { ProviderRequest } from '../provider/provider-adapter.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';

export interface RetryOptions {
  /** Retries after the first try, on retryable failures (408/409/429/5xx, timeouts, connection errors). */
  attempts?: number;
}

/** One provider + model to call, with its own per-target settings. */
export interface TargetConfig {
  /** A key of `createGateway({ providers })`. */
  provider: string;
  /** The provider's model id. Default: the `model` of the request (for routes addressed with a bare model). */
  model?: string;
  /** Milliseconds for this target's attempt. Default: the request's timeout. */
  timeout?: number;
  retry?: RetryOptions;
  /** Request fields forced for this target, e.g. `{ temperature: 0 }`. */
  overrideParams?: Partial<ProviderRequest>;
  /** Relative weight for load balancing. Default 1. */
  weight?: number;
}

/** What a strategy sees of the request when it decides. */
export interface RouteContext<T> {
  readonly request: ChatCompletionCreateParamsBase;
  readonly metadata: Readonly<Record<string, string>>;
  /** Runs one target (including its retries); rejects with a typed error when it fails. */
  attempt(target: TargetConfig): Promise<T>;
}

/**
 * Picks and runs targets. Strategies nest: a target may itself be a strategy.
 * `route` resolves with the first successful result or rejects with a typed error.
 */
export interface RoutingStrategy {
  readonly type: string;
  route<T>(context: RouteContext<T>): Promise<T>;
  /** Every leaf target, for configuration checks and model listings. */
  targets(): ReadonlyArray<TargetConfig>;
}

export type Target = TargetConfig | RoutingStrategy;

export const isRoutingStrategy = (target: Target): target is RoutingStrategy =>
  'route' in target && typeof target.route === 'function';

/** Runs a target that may be a plain config or a nested strategy. */
export const runTarget = <T>(target: Target, context: RouteContext<T>): Promise<T> =>
  isRoutingStrategy(target) ? target.route(context) : context.attempt(target);

export const leafTargets = (target: Target): ReadonlyArray<TargetConfig> =>
  isRoutingStrategy(target) ? target.targets() : [target];
