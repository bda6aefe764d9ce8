import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../../../test-support/postgres-server.js';
import { driveTraffic, expectedByProvider, expectedByUser } from '../../test/drive-traffic.js';
import { describeLedgerStore, ledgerRecord } from '../../test/ledger-store-contract.js';
import { postgresLedgerStore, type SqlClient } from '../index.js';

let tables = 0;
const freshTable = () => `ledger_test_${++tables}`;

// Generous timeouts: PGlite's WebAssembly start and initdb are slow on a loaded machine.
describe('PGlite (embedded)', { timeout: 30_000 }, () => {
  const db = new PGlite();
  // Starting the WebAssembly build of PostgreSQL takes a few seconds.
  beforeAll(() => db.waitReady, 60_000);
  afterAll(() => db.close());
  describeLedgerStore('PGlite', async () => postgresLedgerStore(db, { table: freshTable() }));

  it('records gateway traffic off the request path and reports it grouped by provider and user_id', async () => {
    const tracker = await driveTraffic({ store: postgresLedgerStore(db, { table: freshTable() }) });
    const byProvider = await tracker.report({ start: '2026-05-01', end: '2026-05-19', groupBy: 'provider' });
    expect(byProvider.groups.map((group) => [group.key, group.requests, group.cost])).toEqual(
      expectedByProvider,
    );
    const byUser = await tracker.report({ start: '2026-05-01', end: '2026-05-19', groupBy: 'user_id' });
    expect(byUser.groups.map((group) => [group.key, group.requests, group.cost])).toEqual(expectedByUser);
    await tracker.close();
    expect(tracker.stats().ledger).toMatchObject({ written: 6, dropped: 0, failedWrites: 0 });
  });

  it('creates its table in a schema when asked, and rejects table names that are not identifiers', async () => {
    await db.query('CREATE SCHEMA IF NOT EXISTS spend');
    const store = postgresLedgerStore(db, { table: 'spend.ledger' });
    await store.write([ledgerRecord({ metadata: { user_id: 'ü-1', "o'brien": 'yes' } })]);
    expect((await store.list())[0]?.metadata).toEqual({ user_id: 'ü-1', "o'brien": 'yes' });
    expect(() => postgresLedgerStore(db, { table: 'ledger; DROP TABLE x' })).toThrow(/not a plain/);
  });

  it('parses jsonb metadata returned as text by a client, without trusting it', async () => {
    const table = freshTable();
    const textClient: SqlClient = {
      async query(text, params) {
        const result = await db.query(text, params);
        return {
          rows: result.rows.map((row) =>
            typeof row === 'object' && row !== null && 'metadata' in row
              ? { ...row, metadata: JSON.stringify(row.metadata) }
              : row,
          ),
        };
      },
    };
    const store = postgresLedgerStore(textClient, { table });
    await store.write([ledgerRecord({ metadata: { user_id: 'u-9' } })]);
    expect((await store.list())[0]?.metadata).toEqual({ user_id: 'u-9' });
  });
});

describe('a real PostgreSQL server', { timeout: 30_000 }, () => {
  let server: RunningPostgres;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await startPostgres();
    pool = new pg.Pool({ connectionString: server.url, max: 4 });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });
  describeLedgerStore('PostgreSQL (pg)', async () => postgresLedgerStore(pool, { table: freshTable() }));

  it('records gateway traffic and reports it grouped by provider and user_id', async () => {
    const tracker = await driveTraffic({ store: postgresLedgerStore(pool, { table: freshTable() }) });
    const byUser = await tracker.report({ start: '2026-05-01', end: '2026-05-19', groupBy: 'user_id' });
    expect(byUser.groups.map((group) => [group.key, group.requests, group.cost])).toEqual(expectedByUser);
    await tracker.close();
  });
});
