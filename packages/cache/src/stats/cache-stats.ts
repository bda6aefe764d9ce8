/** What `responseCache.stats()` reports. Counters are this process's since creation (or `clear()`); entries and bytes come from the store. */
export interface CacheStats {
  hits: number;
  semanticHits: number;
  misses: number;
  /** Requests the cache did not run for (`cache: false`, mode `off`, `enabled: false`). */
  bypassed: number;
  /** (hits + semanticHits) / (hits + semanticHits + misses); 0 before any lookup. */
  hitRate: number;
  /** Live entries in the store; undefined when the store did not answer within `storeTimeoutMs`. */
  entries: number | undefined;
  /** Approximate bytes in the store; undefined when the store did not answer. */
  bytes: number | undefined;
  /** Total tokens of the original calls that hits replaced. */
  savedTokens: number;
  /** USD of the original calls that hits replaced, where the gateway knew the price. */
  savedUsd: number;
  /** Store calls that failed or timed out (each served as a miss). */
  storeErrors: number;
}

export type CacheCounters = Omit<CacheStats, 'hitRate' | 'entries' | 'bytes'>;

export const newCacheCounters = (): CacheCounters => ({
  hits: 0,
  semanticHits: 0,
  misses: 0,
  bypassed: 0,
  savedTokens: 0,
  savedUsd: 0,
  storeErrors: 0,
});
