import { InvalidConfigError, type MiddlewareState } from '@switchyard/core';
import type { CacheStore } from './store/cache-store.js';
import type { VectorIndexOptions } from './vector/semantic-index.js';

/** Turns texts into embedding vectors, one per text, in order. */
export type EmbedFunction = (texts: Array<string>) => Promise<ReadonlyArray<ReadonlyArray<number>>>;

export type CacheMode = 'exact' | 'semantic';

/** Options of `cache()`; the names mirror the reference configuration (`enabled`, `mode`, `ttl`, `max_size`, `similarity_threshold`). */
export interface CacheOptions {
  /** Whether the cache runs at all. Default `true`. */
  enabled?: boolean;
  /** `exact`: identical requests; `semantic`: also similar last user messages (needs `embed`). Default `'exact'`. */
  mode?: CacheMode;
  /** Seconds an entry lives. Default 3600. */
  ttl?: number;
  /** Most entries in the default memory store, and most vectors in the in-process semantic index. Default 10 000. */
  maxSize?: number;
  /** Cosine similarity a semantic hit needs, in (0, 1]. Default 0.95. */
  similarityThreshold?: number;
  /** Where entries live. Default `memoryStore({ maxSize })`. */
  store?: CacheStore;
  /**
   * Embeds the last user message for semantic mode: your own function, or `gatewayEmbedder(() => gateway, model)`
   * to use a provider through the gateway. Required when `mode` is `'semantic'`.
   */
  embed?: EmbedFunction;
  /**
   * Keeps tenants apart, so one never gets another's answer: a metadata key whose value names the tenant,
   * or a function of the request state. Requests without a value share one namespace.
   * The value is hashed before it reaches any key or store. Default `'api_key_id'`.
   */
  namespace?: string | ((state: MiddlewareState) => string | undefined);
  /** Tuning of the in-process vector index (stores without their own vector search). */
  vectorIndex?: VectorIndexOptions;
  /** A store call slower than this is abandoned: a miss with a warning, never a failed request. Default 1000 ms. */
  storeTimeoutMs?: number;
  /** Middleware name. Default `'cache'`. */
  name?: string;
}

export interface ResolvedCacheOptions {
  enabled: boolean;
  mode: CacheMode;
  ttlSeconds: number;
  maxSize: number;
  similarityThreshold: number;
  embed: EmbedFunction | undefined;
  namespace: (state: MiddlewareState) => string | undefined;
  storeTimeoutMs: number;
}

const positive = (value: number | undefined, name: string, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidConfigError(`cache: \`${name}\` must be a positive number, got ${value}.`);
  return value;
};

/** Applies defaults and rejects impossible settings with `InvalidConfigError`. */
export function resolveCacheOptions(options: CacheOptions): ResolvedCacheOptions {
  const mode = options.mode ?? 'exact';
  if (mode !== 'exact' && mode !== 'semantic') {
    throw new InvalidConfigError(`cache: \`mode\` must be 'exact' or 'semantic', got '${String(mode)}'.`);
  }
  if (mode === 'semantic' && options.embed === undefined) {
    throw new InvalidConfigError(
      "cache: `mode: 'semantic'` needs an `embed` function (e.g. gatewayEmbedder(...)).",
    );
  }
  const similarityThreshold = options.similarityThreshold ?? 0.95;
  if (!(similarityThreshold > 0 && similarityThreshold <= 1)) {
    throw new InvalidConfigError(
      `cache: \`similarityThreshold\` must be in (0, 1], got ${similarityThreshold}.`,
    );
  }
  const maxSize = positive(options.maxSize, 'maxSize', 10_000);
  if (!Number.isInteger(maxSize))
    throw new InvalidConfigError(`cache: \`maxSize\` must be an integer, got ${maxSize}.`);
  const { namespace } = options;
  const key = typeof namespace === 'string' ? namespace : 'api_key_id';
  return {
    enabled: options.enabled ?? true,
    mode,
    ttlSeconds: positive(options.ttl, 'ttl', 3600),
    maxSize,
    similarityThreshold,
    embed: options.embed,
    namespace: typeof namespace === 'function' ? namespace : (state) => state.metadata[key],
    storeTimeoutMs: positive(options.storeTimeoutMs, 'storeTimeoutMs', 1000),
  };
}
