import type { MiddlewareState } from '@switchyard/core';
import { promptText } from '../key/request-fingerprint.js';
import type { CacheRecord, CacheStore } from '../store/cache-store.js';
import type { SemanticIndex } from '../vector/semantic-index.js';

export interface EntryWriter {
  store: CacheStore;
  /** The in-process index, when the store does not search vectors itself. */
  index: SemanticIndex | undefined;
  state: MiddlewareState;
  key: string;
  /** Hashed tenant namespace. */
  namespace: string;
  /** The semantic partition, for entries that can be found by similarity. */
  semantic: { partition: string } | undefined;
  /** The last user message's embedding, for semantic entries. */
  vector: Float32Array | undefined;
  ttlMs: number;
  storeCall: <T>(operation: string, call: () => Promise<T>) => Promise<T | undefined>;
}

/** Stores one response; a store failure is a warning on the request, never an error. */
export async function writeEntry(writer: EntryWriter, body: string): Promise<void> {
  const { store, index, state, key, semantic, vector, ttlMs } = writer;
  const now = Date.now();
  const record: CacheRecord = {
    meta: {
      namespace: writer.namespace,
      provider: state.provider ?? '',
      model: state.model ?? '',
      prompt: promptText(state.request),
      createdAt: now,
      expiresAt: now + ttlMs,
    },
    body,
  };
  if (semantic !== undefined && vector !== undefined) {
    record.partition = semantic.partition;
    record.vector = [...vector];
  }
  const stored = await writer.storeCall('write', async () => {
    await store.set(key, record, ttlMs);
    return true;
  });
  if (stored !== true || semantic === undefined || vector === undefined || index === undefined) return;
  try {
    index.add(semantic.partition, key, vector);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    state.warnings.push({ type: 'other', message: `Cache vector index rejected an entry (${reason}).` });
  }
}
