/** What a store keeps beside an entry's body, so `invalidate()` can filter without reading bodies. */
export interface CacheRecordMeta {
  /** Hashed tenant namespace (never the raw value, which may be an API key). */
  namespace: string;
  /** The provider key (under `providers`) that answered. */
  provider: string;
  model: string;
  /** The request's message text, searched by `invalidate({ pattern })`. */
  prompt: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** One cache entry as a store receives it. */
export interface CacheRecord {
  meta: CacheRecordMeta;
  /** The serialised response (JSON); stores keep it opaque. */
  body: string;
  /** Semantic entries only: hash of everything but the last user message (namespace, model, params, history). */
  partition?: string;
  /** Semantic entries only: the unit-length embedding of the last user message. */
  vector?: ReadonlyArray<number>;
}

/** Which entries `invalidate()` removes; every given field must match (AND). No field: everything. */
export interface CacheFilter {
  /** Case-insensitive substring of the request's message text. */
  pattern?: string;
  provider?: string;
  model?: string;
  /** Hashed namespace (the middleware hashes the tenant value before asking the store). */
  namespace?: string;
  /** Entries created before this epoch millisecond. */
  olderThan?: number;
}

export interface SimilarQuery {
  partition: string;
  /** Unit length. */
  vector: ReadonlyArray<number>;
  /** Minimum cosine similarity. */
  threshold: number;
  /** Most candidates to return, best first. */
  limit: number;
}

export interface SimilarMatch {
  key: string;
  /** Cosine similarity. */
  score: number;
}

/**
 * Where entries live. Keys are opaque strings of the form `<namespace>:<hash>`. Implementations:
 * `memoryStore` (default), `redisStore`, `postgresStore`; any object with these methods works.
 */
export interface CacheStore {
  /** True for stores answering in-process (memory): their calls need no timeout guard. */
  readonly inProcess?: boolean;
  /** The entry's body, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores or replaces an entry that expires after `ttlMs`. */
  set(key: string, record: CacheRecord, ttlMs: number): Promise<void>;
  /** Deletes matching entries and returns their keys. */
  invalidate(filter: CacheFilter): Promise<Array<string>>;
  clear(): Promise<void>;
  /** Live entries and their approximate size in bytes. */
  size(): Promise<{ entries: number; bytes: number }>;
  /**
   * Stores that search vectors themselves (pgvector). Without it the middleware keeps an in-process
   * vector index over the entries it wrote.
   */
  searchSimilar?(query: SimilarQuery): Promise<Array<SimilarMatch>>;
}
