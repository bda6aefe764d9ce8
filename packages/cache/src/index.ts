export { CACHE_NO_STORE_LOCAL, cache, type InvalidateFilter, type ResponseCache } from './cache.js';
export type { CacheMode, CacheOptions, EmbedFunction } from './cache-options.js';
export { gatewayEmbedder } from './embed/gateway-embedder.js';
export type { CacheStats } from './stats/cache-stats.js';
export type {
  CacheFilter,
  CacheRecord,
  CacheRecordMeta,
  CacheStore,
  SimilarMatch,
  SimilarQuery,
} from './store/cache-store.js';
export { type MemoryStoreOptions, memoryStore } from './store/memory-store.js';
export { type PostgresStoreOptions, postgresStore } from './store/postgres-store.js';
export { type RedisStoreOptions, redisStore } from './store/redis-store.js';
export type { SqlClient } from './store/sql-client.js';
export type { VectorIndexOptions } from './vector/semantic-index.js';
