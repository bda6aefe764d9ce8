import type { ProviderRequest } from '../provider/provider-adapter.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';
import type { AttemptRecord } from '../types/switchyard-metadata.js';

export interface RetryOptions {
  /** Retries after the first try. Default: the request's `maxRetries`, else the gateway's (2). */
  attempts?: number;
  /**
   * HTTP statuses that are retried. Default: 408, 409, 429 and 5xx. Timeouts and connection errors are
   * always retried. A provider's explicit `x-should-retry: true|false` response header wins over the status.
   */
  onStatusCodes?: ReadonlyArray<number>;
  /** Backoff for this target: first wait and cap, in ms. Default: the gateway's `retryBaseDelayMs`/`retryMaxDelayMs`. */
  backoff?: { baseMs?: number; maxMs?: number };
}

/** Local limits that keep the gateway from causing its own 429s. Waiting counts against the request deadline. */
export interface TargetLimits {
  /** Calls in flight at once; more wait for a slot. */
  maxConcurrency?: number;
  /** Calls started per minute; more wait for the next slot. */
  requestsPerMinute?: number;
}

/** One provider + model to call, with its own per-target settings. */
export interface TargetConfig {
  /** A key of `createGateway({ providers })`. */
  provider: string;
  /** The provider's model id. Default: the `model` of the request (for routes addressed with a bare model). */
  model?: string;
  /** Milliseconds for one attempt until its first content (connect + first byte). Default: the request's timeout. */
  timeout?: number;
  /** Milliseconds allowed between two stream chunks once streaming; longer is a `TimeoutError`. Default: none. */
  idleTimeout?: number;
  retry?: RetryOptions;
  limits?: TargetLimits;
  /** `false` exempts this target from the gateway's circuit breaker. Default: follows the gateway. */
  circuitBreaker?: false;
  /** Request fields forced for this target, e.g. `{ temperature: 0 }`. */
  overrideParams?: Partial<ProviderRequest>;
  /** Relative weight for load balancing. Default 1. */
  weight?: number;
}

/** What a strategy sees of the request when it decides. */
export interface RouteContext<T> {
  readonly request: ChatCompletionCreateParamsBase;
  readonly metadata: Readonly<Record<string, string>>;
  /** Every attempt so far in this request (retries included), for error reports. */
  readonly attempts: ReadonlyArray<AttemptRecord>;
  /** Aborts when the caller aborts or the request deadline passes: no target may start after that. */
  readonly signal: AbortSignal;
  /** Runs one target (including its retries); rejects with a typed error when it fails. */
  attempt(target: TargetConfig): Promise<T>;
  /** False while the target's circuit is open (strategies skip it when they have a choice). */
  isAvailable(target: TargetConfig): boolean;
}

/** What a strategy can decide on before any target runs: the request and its merged metadata. */
export type RouteInput = Pick<RouteContext<unknown>, 'request' | 'metadata'>;

/**
 * Picks and runs targets. Strategies nest: a target may itself be a strategy.
 * `route` resolves with the first successful result or rejects with a typed error.
 */
export interface RoutingStrategy {
  readonly type: string;
  route<T>(context: RouteContext<T>): Promise<T>;
  /** Every leaf target, for configuration checks and model listings. */
  targets(): ReadonlyArray<TargetConfig>;
  /**
   * The leaf targets that can answer this request, decided without running any (a conditional strategy's
   * matching branch). The response cache keys on them, so a strategy that picks targets by the request's
   * content or metadata should implement it. Default: `targets()`.
   */
  targetsFor?(input: RouteInput): ReadonlyArray<TargetConfig>;
}

export type Target = TargetConfig | RoutingStrategy;

export const isRoutingStrategy = (target: Target): target is RoutingStrategy =>
  'route' in target && typeof target.route === 'function';

/** Runs a target that may be a plain config or a nested strategy. */
export const runTarget = <T>(target: Target, context: RouteContext<T>): Promise<T> =>
  isRoutingStrategy(target) ? target.route(context) : context.attempt(target);

export const leafTargets = (target: Target): ReadonlyArray<TargetConfig> =>
  isRoutingStrategy(target) ? target.targets() : [target];

/** The leaf targets of `target` that can answer this request (see `RoutingStrategy.targetsFor`). */
export const reachableTargets = (target: Target, input: RouteInput): ReadonlyArray<TargetConfig> =>
  isRoutingStrategy(target) ? (target.targetsFor?.(input) ?? target.targets()) : [target];

/** A nested strategy is available while any of its leaf targets is. */
export const isTargetAvailable = <T>(target: Target, context: RouteContext<T>): boolean =>
  isRoutingStrategy(target)
    ? target.targets().some((leaf) => context.isAvailable(leaf))
    : context.isAvailable(target);
