import type { Middleware } from '../middleware/middleware.js';
import type { FetchFunction, ProviderAdapter } from '../provider/provider-adapter.js';
import type { CircuitBreakerOptions } from '../routing/circuit/circuit-breaker.js';
import type { RoutingStrategy } from '../routing/routing-strategy.js';
import type { CompletionUsage } from '../types/chat-completion.js';

export interface PriceQuery {
  /** The provider family (`adapter.provider`, e.g. `openai`). */
  provider: string;
  /** The key under `providers` that served the call. */
  providerKey: string;
  model: string;
  usage: CompletionUsage;
}

/** Returns the USD cost of a call, or undefined when the model's price is unknown. */
export type Pricing = (query: PriceQuery) => number | undefined;

export interface GatewayOptions {
  /** Provider adapters by name; names are what routes and `provider/model` refer to. */
  providers: Record<string, ProviderAdapter>;
  /** Named routing strategies, addressed by `model: '<route name>'`. */
  routes?: Record<string, RoutingStrategy>;
  /** The route used for a bare model name (one that is neither a route nor `provider/model`). */
  defaultRoute?: string;
  /** Cache, guardrails, spend, telemetry, prompts… ordered by their stages, not by position. */
  middleware?: ReadonlyArray<Middleware>;
  /** Default attribution, merged under every request's `metadata`. */
  metadata?: Record<string, string>;
  /** Prices calls into `usage.estimated_cost`. */
  pricing?: Pricing;
  /**
   * The `fetch` adapters use for provider calls when they were created without one — e.g. to record,
   * stub or proxy all provider traffic in one place. Default: each adapter's own default (`globalThis.fetch`).
   */
  fetch?: FetchFunction;
  /** Milliseconds for a whole request, streaming included. Default 600 000 (10 minutes). */
  timeout?: number;
  /** Retries per target on retryable failures. Default 2. */
  maxRetries?: number;
  /** Wait before the first retry in ms; doubles per retry, with full jitter. Default 500. */
  retryBaseDelayMs?: number;
  /** Upper bound for one retry wait, including a provider's `retry-after`. Default 30 000. */
  retryMaxDelayMs?: number;
  /**
   * A circuit breaker per target (`provider/model`): after `failureThreshold` consecutive failures the
   * target is skipped for `cooldownMs`, then one probe decides. Default: off; `{}` turns it on with defaults.
   */
  circuitBreaker?: CircuitBreakerOptions;
}
