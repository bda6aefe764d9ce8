import { APIError, BadRequestError } from '../errors/api-error.js';
import { AbortError, CircuitOpenError, TimeoutError } from '../errors/gateway-errors.js';
import { SwitchyardError } from '../errors/switchyard-error.js';
import type { RequestOptions } from '../gateway/request-options.js';
import type { ProviderAdapter } from '../provider/provider-adapter.js';
import type { AttemptRecord } from '../types/switchyard-metadata.js';
import type { CircuitBreaker } from './circuit/circuit-breaker.js';
import type { CircuitOutcome } from './circuit/circuit-store.js';
import type { RequestDeadline } from './request-deadline.js';
import { retryDelay } from './retry-delay.js';
import type { TargetConfig } from './routing-strategy.js';
import { sleep } from './sleep.js';
import type { TargetLimiter } from './target-limiter.js';

/** The part of the request state that attempts read and record into. */
export interface AttemptState {
  readonly route: string;
  readonly traceId: string;
  readonly options: RequestOptions;
  readonly attempts: Array<AttemptRecord>;
  provider: string | undefined;
  model: string | undefined;
  /** `switchyard.excludedTargets`: a `Set` of `provider/model` keys a middleware ruled out for this request. */
  readonly locals?: ReadonlyMap<string, unknown>;
}

export interface AttemptEnvironment {
  readonly providers: Readonly<Record<string, ProviderAdapter>>;
  readonly state: AttemptState;
  readonly deadline: RequestDeadline;
  /** The request's model when the route was reached by a bare model name; targets without `model` use it. */
  readonly requestedModel: string | undefined;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly circuitBreaker: CircuitBreaker | undefined;
  readonly limiter: TargetLimiter;
}

export interface InvokeContext {
  readonly target: TargetConfig;
  /** The provider's model id for this target. */
  readonly model: string;
  readonly signal: AbortSignal;
  readonly headers: Record<string, string>;
}

/** Calls the provider once; for streams it resolves when the first part has arrived. */
export type ProviderInvoker<T> = (adapter: ProviderAdapter, context: InvokeContext) => Promise<T>;

const DEFAULT_RETRY_STATUS = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;

/** The provider's explicit `x-should-retry` verdict, which openai-node obeys over the status. */
const shouldRetryHeader = (error: APIError): boolean | undefined => {
  const value = error.headers['x-should-retry'];
  return value === 'true' ? true : value === 'false' ? false : undefined;
};

const isRetryable = (error: unknown, onStatusCodes: ReadonlyArray<number> | undefined): boolean => {
  if (APIError.isInstance(error)) {
    // `isRetryable` is the status default unless the provider (or its adapter) said otherwise; a
    // configured `onStatusCodes` replaces the status default but not the provider's explicit verdict.
    return onStatusCodes === undefined
      ? error.isRetryable
      : (shouldRetryHeader(error) ?? onStatusCodes.includes(error.status));
  }
  return SwitchyardError.isInstance(error) && 'isRetryable' in error && error.isRetryable === true;
};

/** Failures that say the target is unhealthy; a 400 or the caller's abort say nothing about it. */
const circuitOutcome = (error: unknown): CircuitOutcome => {
  if (AbortError.isInstance(error)) return 'neutral';
  if (APIError.isInstance(error)) return DEFAULT_RETRY_STATUS(error.status) ? 'failure' : 'neutral';
  return SwitchyardError.isInstance(error) && 'isRetryable' in error && error.isRetryable === true
    ? 'failure'
    : 'neutral';
};

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;

const resolveTarget = (env: AttemptEnvironment, target: TargetConfig) => {
  const adapter = env.providers[target.provider];
  const model = target.model ?? env.requestedModel;
  if (adapter === undefined || model === undefined) {
    throw new BadRequestError(
      adapter === undefined
        ? `Route '${env.state.route}' names provider '${target.provider}', which is not configured.`
        : `Route '${env.state.route}' has a target for '${target.provider}' without a model; address it with a model name or set one on the target.`,
      { status: 400, param: 'model' },
    );
  }
  return { adapter, model };
};

/**
 * Runs one target with its retries: circuit breaker, local limits, per-attempt timeout, exponential
 * backoff with full jitter that honours `retry-after`, an explicit `x-should-retry` over the status, no
 * retry once the caller aborted or the request deadline passed. Every try is recorded in `state.attempts`; retries carry the same idempotency key.
 */
export async function attemptTarget<T>(
  env: AttemptEnvironment,
  target: TargetConfig,
  invoke: ProviderInvoker<T>,
): Promise<T> {
  const { state, deadline } = env;
  const { adapter, model } = resolveTarget(env, target);
  const key = `${target.provider}/${model}`;
  const breaker = target.circuitBreaker === false ? undefined : env.circuitBreaker;
  const retry = target.retry;
  const maxRetries = retry?.attempts ?? state.options.maxRetries ?? env.maxRetries;
  const headers = { ...state.options.headers, 'idempotency-key': state.traceId };

  for (let attempt = 0; ; attempt++) {
    // Never call a provider for a request that is already aborted or past its deadline.
    if (deadline.reason !== undefined) throw deadline.reason;
    const excluded = state.locals?.get('switchyard.excludedTargets');
    const decision =
      excluded instanceof Set && excluded.has(key)
        ? 'deny'
        : breaker === undefined
          ? 'allow'
          : await breaker.acquire(key);
    if (decision === 'deny') {
      const error = new CircuitOpenError(key);
      state.attempts.push({
        provider: target.provider,
        model,
        status: 0,
        error: error.message,
        latencyMs: 0,
      });
      throw error;
    }
    const probe = decision === 'probe';
    const release = await env.limiter.acquire(key, target.limits, deadline.signal);
    const started = performance.now();
    const attemptTimeout = target.timeout === undefined ? undefined : new AbortController();
    const timer =
      attemptTimeout === undefined
        ? undefined
        : setTimeout(() => attemptTimeout.abort(new TimeoutError(target.timeout ?? 0)), target.timeout);
    const signal =
      attemptTimeout === undefined
        ? deadline.signal
        : AbortSignal.any([deadline.signal, attemptTimeout.signal]);
    try {
      const result = await invoke(adapter, { target, model, signal, headers });
      state.attempts.push({ provider: target.provider, model, status: 200, latencyMs: elapsed(started) });
      state.provider = target.provider;
      state.model = model;
      await breaker?.record(key, 'success', probe);
      return result;
    } catch (caught) {
      // Once the request itself was aborted or timed out, that is the error, whatever the adapter threw.
      const error =
        deadline.reason ?? (signal.aborted && signal.reason !== undefined ? signal.reason : caught);
      state.attempts.push({
        provider: target.provider,
        model,
        status: APIError.isInstance(error) ? error.status : 0,
        error: errorMessage(error),
        latencyMs: elapsed(started),
      });
      await breaker?.record(key, deadline.reason === undefined ? circuitOutcome(error) : 'neutral', probe);
      if (
        deadline.reason !== undefined ||
        attempt >= maxRetries ||
        !isRetryable(error, retry?.onStatusCodes)
      ) {
        throw error;
      }
      const retryAfterMs = APIError.isInstance(error) ? error.retryAfterMs : undefined;
      await sleep(
        retryDelay({
          retry: attempt,
          baseDelayMs: retry?.backoff?.baseMs ?? env.retryBaseDelayMs,
          maxDelayMs: retry?.backoff?.maxMs ?? env.retryMaxDelayMs,
          retryAfterMs,
        }),
        deadline.signal,
      );
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}
