import { LRUCache } from 'lru-cache';
import type { CacheFilter, CacheRecordMeta, CacheStore } from './cache-store.js';
import { matchesFilter } from './matches-filter.js';

export interface MemoryStoreOptions {
  /** Most entries kept; the least recently used go first. Default 10 000. */
  maxSize?: number;
  /** Most bytes kept (bodies and prompts, as string length). Default 64 MiB. */
  maxBytes?: number;
}

interface MemoryEntry {
  meta: CacheRecordMeta;
  body: string;
  bytes: number;
}

// Per-entry overhead estimate (meta object, map node), so many tiny entries still count against maxBytes.
const ENTRY_OVERHEAD_BYTES = 200;

/** An in-process LRU store bounded by entries and bytes; the default store. */
export function memoryStore(options: MemoryStoreOptions = {}): CacheStore {
  const lru = new LRUCache<string, MemoryEntry>({
    max: options.maxSize ?? 10_000,
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.bytes,
    // Read the clock at call time so tests can move it (fake `Date`).
    perf: { now: () => Date.now() },
  });
  return {
    inProcess: true,
    async get(key) {
      const entry = lru.get(key);
      if (entry === undefined) return undefined;
      if (entry.meta.expiresAt <= Date.now()) {
        lru.delete(key);
        return undefined;
      }
      return entry.body;
    },
    async set(key, record, ttlMs) {
      const bytes = record.body.length + record.meta.prompt.length + key.length + ENTRY_OVERHEAD_BYTES;
      lru.set(key, { meta: record.meta, body: record.body, bytes }, { ttl: Math.max(1, Math.round(ttlMs)) });
    },
    async invalidate(filter: CacheFilter) {
      const removed: Array<string> = [];
      for (const [key, entry] of lru.entries()) {
        if (matchesFilter(entry.meta, filter)) removed.push(key);
      }
      for (const key of removed) lru.delete(key);
      return removed;
    },
    async clear() {
      lru.clear();
    },
    async size() {
      lru.purgeStale();
      return { entries: lru.size, bytes: lru.calculatedSize };
    },
  };
}
