import { describe, expect, it } from 'vitest';
import { describeLedgerStore, ledgerRecord } from '../../test/ledger-store-contract.js';
import { memoryLedgerStore } from '../index.js';

describeLedgerStore('memory', async () => memoryLedgerStore());

describe('memoryLedgerStore', () => {
  it('keeps the most recent maxRecords and counts evictions', async () => {
    const store = memoryLedgerStore({ maxRecords: 2 });
    await store.write([ledgerRecord({}), ledgerRecord({}), ledgerRecord({ model: 'newest' })]);
    expect(store.evicted).toBe(1);
    expect((await store.list()).map((record) => record.model)).toEqual(['newest', 'gpt-4o']);
  });

  it('wraps around as a ring, across batches', async () => {
    const store = memoryLedgerStore({ maxRecords: 3 });
    for (const model of ['m1', 'm2', 'm3', 'm4', 'm5']) await store.write([ledgerRecord({ model })]);
    expect(store.evicted).toBe(2);
    expect((await store.list()).map((record) => record.model)).toEqual(['m5', 'm4', 'm3']);
    expect((await store.list({ limit: 2 })).map((record) => record.model)).toEqual(['m5', 'm4']);
  });
});
