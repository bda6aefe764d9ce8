import { PGlite } from '@electric-sql/pglite';
import { InvalidConfigError } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQueryableSink } from '../../test/log-sink-contract.js';
import { postgresSink } from '../index.js';

describe('postgresSink on PGlite', () => {
  const db = new PGlite();
  // Loading the WASM build of PostgreSQL takes a few seconds on a busy machine.
  beforeAll(() => db.waitReady, 60_000);
  afterAll(() => db.close());

  it('stores whole records and answers every filter', async () => {
    await checkQueryableSink(postgresSink(db, { table: 'logs_contract' }));
  }, 30_000);

  it('never duplicates a retried batch', async () => {
    const sink = postgresSink(db, { table: 'logs_retry' });
    const record = {
      id: 'r-1',
      traceId: 't',
      timestamp: new Date().toISOString(),
      durationMs: 1,
      status: 'success' as const,
      statusCode: 200,
      route: 'chat',
      requestedModel: 'chat',
      stream: false,
      cache: 'bypass' as const,
      attempts: [],
      retries: 0,
      fallbacks: 0,
      warnings: [],
      metadata: {},
    };
    await sink.write([record]);
    await sink.write([record]);
    expect(await sink.query?.({ limit: 10 })).toEqual([record]);
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => postgresSink(db, { table: 'logs; DROP TABLE x' })).toThrow(InvalidConfigError);
  });
});
