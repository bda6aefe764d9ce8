import type {
  ChatCompletion,
  CompletionUsage,
  GatewayResult,
  Middleware,
  MiddlewareHandler,
  MiddlewareState,
  Warning,
} from '@switchyard/core';
import { type CacheOptions, resolveCacheOptions } from './cache-options.js';
import type { CachedPayload, PayloadHeader } from './entry/cached-payload.js';
import { serializeCompletionPayload, serializeStreamPayload } from './entry/cached-payload.js';
import { parseCachedPayload } from './entry/parse-cached-payload.js';
import { type EntryWriter, writeEntry } from './entry/write-entry.js';
import { exactKey, semanticPartition } from './key/request-fingerprint.js';
import { sha256Hex } from './key/sha256-hex.js';
import { resolveRequestCache } from './resolve-request-cache.js';
import { type CacheStats, newCacheCounters } from './stats/cache-stats.js';
import type { CacheStore } from './store/cache-store.js';
import { guardedStoreCall } from './store/guarded-store.js';
import { memoryStore } from './store/memory-store.js';
import { withTimeout } from './store/with-timeout.js';
import { recordStream } from './stream/record-stream.js';
import { replayPayload } from './stream/replay-payload.js';
import { normalizeVector } from './vector/normalize-vector.js';
import { SemanticIndex } from './vector/semantic-index.js';

/** Which entries `invalidate()` removes; every given field must match. No field: all entries. */
export interface InvalidateFilter {
  /** Case-insensitive substring of the cached request's message text, e.g. `'kubernetes'`. */
  pattern?: string;
  /** The provider key (under `providers`) that answered, e.g. `'openai-primary'`. */
  provider?: string;
  model?: string;
  /** A tenant, as the `namespace` option reads it (e.g. the metadata value). */
  namespace?: string;
  /** Entries created before this time (a `Date` or epoch milliseconds). */
  olderThan?: Date | number;
}

/** The cache middleware, and its admin methods. */
export interface ResponseCache extends Middleware {
  stats(): Promise<CacheStats>;
  /** Removes matching entries; resolves to how many. */
  invalidate(filter?: InvalidateFilter): Promise<number>;
  /** Removes every entry and resets the counters. */
  clear(): Promise<void>;
}

/**
 * A `locals` flag any middleware (e.g. output guardrails that only warn) may set to keep this
 * request's response out of the cache.
 */
export const CACHE_NO_STORE_LOCAL = 'cache.noStore';

/** Most similar entries tried per semantic lookup (later ones cover entries that vanished from the store). */
const SEMANTIC_CANDIDATES = 4;

const isComplete = (finishReasons: Iterable<string | null>): boolean => {
  let finished = false;
  for (const reason of finishReasons) {
    if (reason === null || reason === 'content_filter') return false;
    finished = true;
  }
  return finished;
};

const payloadHeader = (
  state: MiddlewareState,
  usage: CompletionUsage | undefined,
  rawFinishReason: string | undefined,
): PayloadHeader => {
  const header: PayloadHeader = { v: 1, provider: state.provider ?? '', model: state.model ?? '' };
  if (usage !== undefined) header.usage = usage;
  if (rawFinishReason !== undefined) header.rawFinishReason = rawFinishReason;
  return header;
};

const storedCompletion = (completion: ChatCompletion) => {
  const { switchyard: _metadata, ...stored } = completion;
  return stored;
};

/**
 * Response caching as gateway middleware (stage `cache`): exact keys over everything that changes the
 * answer, per tenant; optionally semantic matches of the last user message; streams recorded and
 * replayed as streams. Errors, failed or abandoned streams and blocked responses are never stored, and
 * a failing store only ever costs a miss (with a warning on the request).
 */
export function cache(options: CacheOptions = {}): ResponseCache {
  const settings = resolveCacheOptions(options);
  const store: CacheStore = options.store ?? memoryStore({ maxSize: settings.maxSize });
  const index =
    store.searchSimilar === undefined ? new SemanticIndex(settings.maxSize, options.vectorIndex) : undefined;
  let counters = newCacheCounters();
  const namespaceIds = new Map<string, string>();

  /** Hashes a tenant value (it may be secret); memoised, since a gateway sees few tenants. */
  const namespaceId = (value: string): string => {
    let id = namespaceIds.get(value);
    if (id === undefined) {
      if (namespaceIds.size >= 10_000) namespaceIds.clear();
      id = sha256Hex(`namespace:${value}`).slice(0, 32);
      namespaceIds.set(value, id);
    }
    return id;
  };

  const storeCall = <T>(state: MiddlewareState, operation: string, call: () => Promise<T>) =>
    guardedStoreCall(
      operation,
      call,
      store.inProcess === true ? undefined : settings.storeTimeoutMs,
      state.warnings,
      () => {
        counters.storeErrors += 1;
      },
    );

  const readEntry = async (state: MiddlewareState, key: string): Promise<CachedPayload | undefined> => {
    const body = await storeCall(state, 'read', () => store.get(key));
    if (body === undefined) return undefined;
    const payload = parseCachedPayload(body);
    if (payload === undefined) {
      state.warnings.push({ type: 'other', message: 'A cache entry could not be read; treated as a miss.' });
    }
    return payload;
  };

  const embedText = async (text: string, warnings: Array<Warning>): Promise<Float32Array | undefined> => {
    try {
      const [values] = (await settings.embed?.([text])) ?? [];
      const vector = values === undefined ? undefined : normalizeVector(values);
      if (vector === undefined) throw new Error('the embedder returned no usable vector');
      return vector;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push({ type: 'other', message: `Cache embedding failed (${reason}); exact matching only.` });
      return undefined;
    }
  };

  const findSimilar = async (
    state: MiddlewareState,
    partition: string,
    vector: Float32Array,
  ): Promise<CachedPayload | undefined> => {
    const query = {
      partition,
      vector: [...vector],
      threshold: settings.similarityThreshold,
      limit: SEMANTIC_CANDIDATES,
    };
    const candidates =
      index === undefined
        ? ((await storeCall(state, 'search', async () => (await store.searchSimilar?.(query)) ?? [])) ?? [])
        : index.search(partition, vector, settings.similarityThreshold, SEMANTIC_CANDIDATES);
    for (const candidate of candidates) {
      const payload = await readEntry(state, candidate.key);
      if (payload !== undefined) return payload;
      index?.remove(candidate.key); // expired or evicted from the store
    }
    return undefined;
  };

  const hit = (
    state: MiddlewareState,
    status: 'hit' | 'semantic-hit',
    payload: CachedPayload,
  ): GatewayResult => {
    state.cache = status;
    if (status === 'hit') counters.hits += 1;
    else counters.semanticHits += 1;
    counters.savedTokens += payload.usage?.total_tokens ?? 0;
    counters.savedUsd += payload.usage?.estimated_cost ?? 0;
    return replayPayload(payload, state);
  };

  const handler: MiddlewareHandler = async (state, next) => {
    const request = resolveRequestCache(state.options.cache, settings, state.warnings);
    if (request.mode === undefined) {
      counters.bypassed += 1;
      state.cache = 'bypass';
      return next();
    }
    const namespace = namespaceId(settings.namespace(state) ?? '');
    // Keyed on the targets routing would pick, not only the route name: a conditional route sends
    // different users (or metadata) to different models, and each must get its own model's answer.
    const route = { route: state.route, targets: state.routeTargets?.() ?? [] };
    const key = exactKey(state.request, route, namespace);
    if (!request.forceRefresh) {
      const exact = await readEntry(state, key);
      if (exact !== undefined) return hit(state, 'hit', exact);
    }
    const semantic =
      request.mode === 'semantic' ? semanticPartition(state.request, route, namespace) : undefined;
    const vector = semantic === undefined ? undefined : await embedText(semantic.text, state.warnings);
    if (semantic !== undefined && vector !== undefined && !request.forceRefresh) {
      const similar = await findSimilar(state, semantic.partition, vector);
      if (similar !== undefined) return hit(state, 'semantic-hit', similar);
    }
    state.cache = 'miss';
    counters.misses += 1;

    const result = await next();
    const writer: EntryWriter = {
      store,
      index,
      state,
      key,
      namespace,
      semantic: vector === undefined ? undefined : semantic,
      vector,
      ttlMs: request.ttlMs,
      storeCall: (operation, call) => storeCall(state, operation, call),
    };
    const storable = () => state.locals.get(CACHE_NO_STORE_LOCAL) !== true;
    if (result.type === 'completion') {
      const { completion } = result;
      if (storable() && isComplete(completion.choices.map((choice) => choice.finish_reason))) {
        const header = payloadHeader(state, completion.usage, completion.switchyard?.rawFinishReason);
        await writeEntry(writer, serializeCompletionPayload(header, storedCompletion(completion)));
      }
      return result;
    }
    const stream = recordStream(result.stream, async (recorded) => {
      if (!storable() || !isComplete(recorded.finishReasons.values())) return;
      const header = payloadHeader(state, state.usage, recorded.rawFinishReason);
      await writeEntry(writer, serializeStreamPayload(header, recorded.chunkJson));
    });
    return { type: 'stream', stream };
  };

  return {
    name: options.name ?? 'cache',
    stages: { cache: handler },
    async stats() {
      const size = await withTimeout(store.size(), settings.storeTimeoutMs, 'size').catch(() => undefined);
      const lookups = counters.hits + counters.semanticHits + counters.misses;
      const hitRate = lookups === 0 ? 0 : (counters.hits + counters.semanticHits) / lookups;
      return { ...counters, hitRate, entries: size?.entries, bytes: size?.bytes };
    },
    async invalidate(filter = {}) {
      const { namespace, olderThan, ...rest } = filter;
      const invalidation = store.invalidate({
        ...rest,
        ...(namespace === undefined ? {} : { namespace: namespaceId(namespace) }),
        ...(olderThan === undefined
          ? {}
          : { olderThan: olderThan instanceof Date ? olderThan.getTime() : olderThan }),
      });
      // Scanning a large shared store takes longer than one lookup.
      const keys = await withTimeout(invalidation, settings.storeTimeoutMs * 30, 'invalidate');
      for (const key of keys) index?.remove(key);
      return keys.length;
    },
    async clear() {
      await withTimeout(store.clear(), settings.storeTimeoutMs * 30, 'clear');
      index?.clear();
      counters = newCacheCounters();
    },
  };
}
