import { describe, expect, it, vi } from 'vitest';
import { memoryLedgerStore } from '../index.js';
import type { LedgerRecord } from './ledger-record.js';
import type { LedgerStore } from './ledger-store.js';
import { LedgerWriter } from './ledger-writer.js';

const record = (id: number): LedgerRecord => ({
  id: `r-${id}`,
  traceId: `t-${id}`,
  timestamp: Date.UTC(2026, 4, 1) + id,
  provider: 'openai',
  model: 'gpt-4o',
  route: 'openai/gpt-4o',
  promptTokens: 10,
  completionTokens: 5,
  cachedTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  totalTokens: 15,
  cost: 0.001,
  cache: 'bypass',
  latencyMs: 1,
  status: 'success',
  error: null,
  stream: false,
  metadata: {},
});

/** A memory store that fails the next `failures` writes. */
const flakyStore = (failures: number) => {
  const inner = memoryLedgerStore();
  let remaining = failures;
  const store: LedgerStore & { writes: number } = {
    writes: 0,
    async write(batch) {
      store.writes++;
      if (remaining > 0) {
        remaining--;
        throw new Error('connection reset');
      }
      await inner.write(batch);
    },
    report: (query) => inner.report(query),
    list: (query) => inner.list(query),
  };
  return store;
};

describe('LedgerWriter', () => {
  it('never blocks: a full queue drops and counts instead', async () => {
    const store = memoryLedgerStore();
    const writer = new LedgerWriter(store, { maxQueueSize: 3, flushIntervalMs: 60_000 }, () => {});
    const accepted = [1, 2, 3, 4, 5].map((id) => writer.enqueue(record(id)));
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(writer.stats()).toMatchObject({ queued: 3, dropped: 2 });
    await writer.flush();
    expect(writer.stats()).toMatchObject({ queued: 0, written: 3 });
    expect(await store.list()).toHaveLength(3);
  });

  it('writes in batches in the background', async () => {
    const store = flakyStore(0);
    const writer = new LedgerWriter(store, { batchSize: 2, flushIntervalMs: 5 }, () => {});
    for (let id = 0; id < 5; id++) writer.enqueue(record(id));
    await vi.waitFor(() => expect(writer.stats()).toMatchObject({ written: 5, queued: 0 }));
    expect(store.writes).toBe(3);
  });

  it('keeps a failed batch, retries it and reports the error', async () => {
    const errors: Array<unknown> = [];
    const store = flakyStore(1);
    const writer = new LedgerWriter(store, { flushIntervalMs: 5 }, (error) => errors.push(error));
    writer.enqueue(record(1));
    writer.enqueue(record(2));
    await vi.waitFor(() => expect(writer.stats()).toMatchObject({ written: 2, failedWrites: 1, dropped: 0 }));
    expect(errors).toHaveLength(1);
    expect((await store.list()).map((r) => r.id).sort()).toEqual(['r-1', 'r-2']);
  });

  it('flush rejects while the store fails, and loses nothing: a later close writes it all', async () => {
    const store = flakyStore(2);
    const writer = new LedgerWriter(store, { flushIntervalMs: 60_000 }, () => {});
    for (let id = 0; id < 10; id++) writer.enqueue(record(id));
    await expect(writer.flush()).rejects.toThrow('connection reset');
    await expect(writer.flush()).rejects.toThrow('connection reset');
    await writer.close();
    expect(await store.list({ limit: 100 })).toHaveLength(10);
    expect(writer.enqueue(record(11))).toBe(false);
  });
});
