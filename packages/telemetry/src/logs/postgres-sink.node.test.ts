import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../../../test-support/postgres-server.js';
import { checkQueryableSink } from '../../test/log-sink-contract.js';
import { postgresSink } from '../index.js';

describe('postgresSink on PostgreSQL (pg)', () => {
  let server: RunningPostgres;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await startPostgres();
    pool = new pg.Pool({ connectionString: server.url });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });

  it('stores whole records and answers every filter', async () => {
    await checkQueryableSink(postgresSink(pool, { table: 'public.switchyard_request_logs' }));
  });
});
