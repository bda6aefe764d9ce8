/** Per-request cache control; the cache middleware reads it. */
export interface CacheRequestOptions {
  mode?: 'exact' | 'semantic' | 'off';
  /** Seconds. */
  ttl?: number;
  /** Ignore a cached entry and refresh it. */
  forceRefresh?: boolean;
}

/**
 * Gateway-only options for one call: the second argument of `create()`, like openai-node's RequestOptions.
 * Over HTTP they arrive as `x-switchyard-*` headers.
 */
export interface RequestOptions {
  /** Attribution for spend, logs and routing conditions; merged over the gateway's `metadata`. */
  metadata?: Record<string, string>;
  /** Aborts the request, including an open stream. */
  signal?: AbortSignal;
  /** Milliseconds for the whole request, streaming included. Default: the gateway's `timeout` (600 000). */
  timeout?: number;
  /** Retries per target on retryable failures. Default: the gateway's `maxRetries` (2). */
  maxRetries?: number;
  /** `false` skips the cache for this request; `true` uses the cache's defaults. */
  cache?: boolean | CacheRequestOptions;
  /** Guardrail checks to run for this request, by name; the guardrails middleware reads it. */
  guardrails?: ReadonlyArray<string>;
  /**
   * Use this route whatever `model` says; the request's `model` then fills targets that name none.
   * Over HTTP: the `x-switchyard-route` header or a `config` body field.
   */
  route?: string;
  /** Correlation id for logs and spans. Default: a random UUID. */
  traceId?: string;
  /** W3C trace context of the caller (over HTTP: the `traceparent` header); telemetry continues the trace. */
  traceparent?: string;
  /** W3C `tracestate` accompanying `traceparent`. */
  tracestate?: string;
  /** Extra HTTP headers sent to the provider. */
  headers?: Record<string, string>;
  /** Values for prompt template variables; the prompts middleware reads it. */
  promptVariables?: Record<string, unknown>;
}
