import type { Warning } from '@switchyard/core';
import type { CacheMode, ResolvedCacheOptions } from './cache-options.js';
import { isRecordLike } from './internal/is-record-like.js';

export interface RequestCacheSettings {
  /** `undefined`: the cache does not run for this request. */
  mode: CacheMode | undefined;
  ttlMs: number;
  forceRefresh: boolean;
}

/**
 * The cache settings for one request: the middleware's options overridden by the request's `cache`
 * option (`false`, `true`, or `{ mode, ttl, forceRefresh }`; over HTTP `x-switchyard-cache`).
 * Read from `unknown`, so a boolean works even where the option's type only names the object form.
 */
export function resolveRequestCache(
  requested: unknown,
  options: ResolvedCacheOptions,
  warnings: Array<Warning>,
): RequestCacheSettings {
  const settings: RequestCacheSettings = {
    mode: options.mode,
    ttlMs: options.ttlSeconds * 1000,
    forceRefresh: false,
  };
  // `enabled: false` is a kill switch no request can override.
  if (!options.enabled || requested === false) return { ...settings, mode: undefined };
  if (!isRecordLike(requested)) return settings;
  const { mode, ttl, forceRefresh } = requested;
  if (mode === 'off') return { ...settings, mode: undefined };
  if (mode === 'exact') settings.mode = 'exact';
  if (mode === 'semantic') {
    if (options.embed === undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'cache.mode',
        message: "Semantic caching needs an `embed` function on the cache; using 'exact'.",
      });
      settings.mode = 'exact';
    } else {
      settings.mode = 'semantic';
    }
  }
  if (typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0) settings.ttlMs = ttl * 1000;
  if (forceRefresh === true) settings.forceRefresh = true;
  return settings;
}
