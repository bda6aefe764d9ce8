import { describe, expect, it } from 'vitest';
import { resolveReportQuery } from '../src/analytics/resolve-report-query.js';
import type { LedgerRecord, LedgerStore } from '../src/index.js';

const DAY = 86_400_000;
const MAY_1 = Date.UTC(2026, 4, 1, 12);

let sequence = 0;
/** A ledger record with the fields a test cares about. */
export const ledgerRecord = (fields: Partial<LedgerRecord>): LedgerRecord => {
  sequence++;
  return {
    id: `rec-${sequence}-${Math.random().toString(36).slice(2)}`,
    traceId: `trace-${sequence}`,
    timestamp: MAY_1,
    provider: 'openai-primary',
    model: 'gpt-4o',
    route: 'chat',
    promptTokens: 100,
    completionTokens: 20,
    cachedTokens: 10,
    cacheWriteTokens: 0,
    reasoningTokens: 5,
    totalTokens: 120,
    cost: 0.01,
    cache: 'miss',
    latencyMs: 12.5,
    status: 'success',
    error: null,
    stream: false,
    metadata: { team: 'platform' },
    ...fields,
  };
};

/** Four days of traffic: openai and anthropic, users u-1 and u-2, one unpriced call and one failure. */
export const sampleRecords = (): Array<LedgerRecord> => [
  ledgerRecord({ timestamp: MAY_1, metadata: { user_id: 'u-1', team: 'search' }, cost: 0.5 }),
  ledgerRecord({ timestamp: MAY_1 + 1000, metadata: { user_id: 'u-2' }, cost: 0.25 }),
  ledgerRecord({
    timestamp: MAY_1 + DAY,
    provider: 'anthropic-primary',
    model: 'claude-sonnet-4-5',
    metadata: { user_id: 'u-1' },
    cost: 1.5,
    stream: true,
  }),
  ledgerRecord({
    timestamp: MAY_1 + 2 * DAY,
    provider: 'anthropic-primary',
    metadata: { user_id: 'u-2' },
    cost: null,
  }),
  ledgerRecord({
    timestamp: MAY_1 + 2 * DAY,
    metadata: {},
    cost: 0,
    status: 'error',
    error: 'RateLimitError: slow down',
  }),
  // Outside the report range below.
  ledgerRecord({ timestamp: MAY_1 + 30 * DAY, metadata: { user_id: 'u-1' }, cost: 100 }),
];

/** The behaviour every ledger store must have; run against memory, PGlite and a real PostgreSQL. */
export function describeLedgerStore(name: string, createStore: () => Promise<LedgerStore>): void {
  describe(`ledger store contract: ${name}`, () => {
    it('stores records exactly, newest first, and ignores a batch written twice', async () => {
      const store = await createStore();
      const records = sampleRecords();
      await store.write(records);
      await store.write(records.slice(0, 2));
      const listed = await store.list({ limit: 100 });
      expect(listed).toHaveLength(records.length);
      expect(listed[0]).toEqual(records[5]);
      expect(listed.find((record) => record.id === records[2]?.id)).toEqual(records[2]);
      expect(listed.find((record) => record.id === records[3]?.id)?.cost).toBeNull();
      const firstDay = await store.list({ start: MAY_1, end: MAY_1 + DAY, limit: 1 });
      expect(firstDay.map((record) => record.id)).toEqual([records[1]?.id]);
    });

    it('reports spend grouped by provider over a date range, with daily buckets', async () => {
      const store = await createStore();
      await store.write(sampleRecords());
      const report = await store.report(
        resolveReportQuery({ start: '2026-05-01', end: '2026-05-19', groupBy: 'provider' }),
      );
      expect(report).toMatchObject({
        start: '2026-05-01T00:00:00.000Z',
        end: '2026-05-20T00:00:00.000Z',
        groupBy: 'provider',
        currency: 'USD',
      });
      expect(report.totals).toEqual({
        requests: 5,
        cost: 2.25,
        unpricedRequests: 1,
        errors: 1,
        promptTokens: 500,
        completionTokens: 100,
        cachedTokens: 50,
        cacheWriteTokens: 0,
        reasoningTokens: 25,
        totalTokens: 600,
      });
      expect(report.groups.map((group) => [group.key, group.requests, group.cost])).toEqual([
        ['anthropic-primary', 2, 1.5],
        ['openai-primary', 3, 0.75],
      ]);
      expect(report.groups[1]?.daily.map((day) => [day.date, day.requests, day.cost])).toEqual([
        ['2026-05-01', 2, 0.75],
        ['2026-05-03', 1, 0],
      ]);
      expect(report.daily.map((day) => [day.date, day.cost])).toEqual([
        ['2026-05-01', 0.75],
        ['2026-05-02', 1.5],
        ['2026-05-03', 0],
      ]);
    });

    it('reports spend grouped by a metadata key such as user_id', async () => {
      const store = await createStore();
      await store.write(sampleRecords());
      const report = await store.report(
        resolveReportQuery({ start: '2026-05-01', end: '2026-05-19', groupBy: 'user_id' }),
      );
      expect(
        report.groups.map((group) => [group.key, group.requests, group.cost, group.unpricedRequests]),
      ).toEqual([
        ['u-1', 2, 2, 0],
        ['u-2', 2, 0.25, 1],
        [null, 1, 0, 0],
      ]);
      const byModel = await store.report(
        resolveReportQuery({ start: MAY_1, end: MAY_1 + DAY, groupBy: 'team' }),
      );
      expect(byModel.groups.map((group) => [group.key, group.cost])).toEqual([
        ['search', 0.5],
        [null, 0.25],
      ]);
    });
  });
}
