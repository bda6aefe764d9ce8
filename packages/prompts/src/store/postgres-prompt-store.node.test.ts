import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../../../test-support/postgres-server.js';
import { describePromptStoreContract } from '../../test/store-contract.js';
import { prompts } from '../prompts.js';
import { postgresPromptStore } from './postgres-prompt-store.js';

describePromptStoreContract('postgresPromptStore on PostgreSQL (pg)', async () => {
  const server = await startPostgres();
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  return {
    store: postgresPromptStore(pool, { table: 'prompt_contract' }),
    teardown: async () => {
      await pool.end();
      await server.stop();
    },
  };
});

describePromptStoreContract('postgresPromptStore on PGlite', async () => {
  const db = await PGlite.create();
  return { store: postgresPromptStore(db), teardown: () => db.close() };
});

describe('postgresPromptStore', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  }, 60_000);
  afterAll(() => db.close());

  it('rejects a table name that is not an identifier', () => {
    expect(() =>
      postgresPromptStore({ query: async () => ({ rows: [] }) }, { table: 'p; DROP TABLE x' }),
    ).toThrow(/identifier/);
  });

  it('refuses a label that points at a version that does not exist', async () => {
    const store = postgresPromptStore(db, { table: 'label_check' });
    await expect(store.setLabel('nothing', 'production', '1.0.0')).rejects.toThrow(/foreign key/i);
  });

  it('fails clearly on a corrupt stored body instead of parsing it blindly', async () => {
    const registry = prompts({ store: postgresPromptStore(db, { table: 'corrupt' }) });
    await registry.deploy({
      name: 'p',
      version: '1.0.0',
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
    await db.query(`UPDATE corrupt SET body = '{not json' WHERE name = 'p'`);
    const fresh = prompts({ store: postgresPromptStore(db, { table: 'corrupt' }) });
    await expect(fresh.get('p', '1.0.0')).rejects.toThrow(/p@1\.0\.0 is not JSON/);
    await db.query(`UPDATE corrupt SET body = '{"name":"p","version":"1.0.0"}' WHERE name = 'p'`);
    await expect(fresh.get('p', '1.0.0')).rejects.toThrow(/Stored prompt p@1\.0\.0 is invalid/);
  });
});
