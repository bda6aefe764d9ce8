import {
  type CacheOptions,
  type CacheStore,
  cache,
  gatewayEmbedder,
  memoryStore,
  postgresStore,
  redisStore,
} from '@switchyard/cache';
import type { SectionAdapter, SectionContext } from './section-adapter.js';

const chooseStore = ({ config, storage }: SectionContext, maxSize: number | undefined): CacheStore => {
  const kind = config.cache?.store ?? (storage.redis !== undefined ? 'redis' : 'memory');
  if (kind === 'redis' && storage.redis !== undefined) return redisStore(storage.redis.client);
  if (kind === 'postgres' && storage.sql !== undefined)
    return postgresStore(storage.sql.client, maxSize === undefined ? {} : { maxSize });
  return memoryStore(maxSize === undefined ? {} : { maxSize });
};

/** `cache:` → `@switchyard/cache` (exact or semantic; Redis entries when `storage.redis_url` is set). */
export const applyCacheSection: SectionAdapter = async (context) => {
  const section = context.config.cache;
  if (section === undefined) return undefined;
  const embeddingModel = section.embedding_model;
  // Without an embedding model semantic mode cannot run; the loader has warned that it runs as exact.
  const mode = section.mode === 'semantic' && embeddingModel !== undefined ? 'semantic' : 'exact';
  const options: CacheOptions = {
    mode,
    store: chooseStore(context, section.max_size),
    ...(section.enabled === undefined ? {} : { enabled: section.enabled }),
    ...(section.ttl === undefined ? {} : { ttl: section.ttl }),
    ...(section.max_size === undefined ? {} : { maxSize: section.max_size }),
    ...(section.similarity_threshold === undefined
      ? {}
      : { similarityThreshold: section.similarity_threshold }),
    ...(section.namespace === undefined ? {} : { namespace: section.namespace }),
    ...(mode === 'semantic' && embeddingModel !== undefined
      ? { embed: gatewayEmbedder(context.gateway, embeddingModel) }
      : {}),
  };
  const responseCache = cache(options);
  return { middleware: [responseCache], admin: { cache: responseCache } };
};
