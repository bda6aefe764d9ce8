import type { CacheFilter, CacheRecordMeta } from './cache-store.js';

/** Whether an entry matches every field of an `invalidate()` filter (the in-process stores' rule). */
export function matchesFilter(meta: CacheRecordMeta, filter: CacheFilter): boolean {
  if (filter.namespace !== undefined && meta.namespace !== filter.namespace) return false;
  if (filter.provider !== undefined && meta.provider !== filter.provider) return false;
  if (filter.model !== undefined && meta.model !== filter.model) return false;
  if (filter.olderThan !== undefined && meta.createdAt >= filter.olderThan) return false;
  if (filter.pattern !== undefined && !meta.prompt.toLowerCase().includes(filter.pattern.toLowerCase())) {
    return false;
  }
  return true;
}
