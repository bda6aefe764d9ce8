import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../../../test-support/postgres-server.js';
import { describeStoreContract } from '../../test/store-contract.js';
import { postgresStore } from './postgres-store.js';

describeStoreContract('postgresStore on PostgreSQL (pg)', async () => {
  const server = await startPostgres();
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  return {
    store: postgresStore(pool, { table: 'cache_contract' }),
    teardown: async () => {
      await pool.end();
      await server.stop();
    },
  };
});

// One embedded database for the PGlite cases (each start costs seconds); tables keep them apart.
let pglite: Promise<PGlite> | undefined;
const sharedPGlite = () => {
  pglite ??= PGlite.create();
  return pglite;
};
afterAll(async () => {
  await (await pglite)?.close();
});

describeStoreContract('postgresStore on PGlite', async () => ({
  store: postgresStore(await sharedPGlite(), { table: 'contract' }),
  teardown: async () => {},
}));

describe('postgresStore housekeeping', () => {
  it('deletes expired rows and trims to maxSize, oldest first', async () => {
    const db = await sharedPGlite();
    const store = postgresStore(db, { table: 'housekeeping', maxSize: 2, housekeepingEvery: 4 });
    const now = Date.now();
    const record = (createdAt: number) => ({
      meta: {
        namespace: 'ns',
        provider: 'p',
        model: 'm',
        prompt: 'q',
        createdAt,
        expiresAt: createdAt + 60_000,
      },
      body: '"x"',
    });
    await store.set('ns:expired', record(now - 120_000), 1);
    await store.set('ns:old', record(now - 3), 60_000);
    await store.set('ns:mid', record(now - 2), 60_000);
    await store.set('ns:new', record(now - 1), 60_000); // 4th write runs housekeeping
    const { rows } = await db.query<{ key: string }>('SELECT key FROM housekeeping ORDER BY key');
    expect(rows.map((row) => row.key)).toEqual(['ns:mid', 'ns:new']);
  }, 120_000);

  it('rejects a table name that is not an identifier', () => {
    expect(() =>
      postgresStore({ query: async () => ({ rows: [] }) }, { table: 'cache; DROP TABLE x' }),
    ).toThrow(/identifier/);
  });
});
