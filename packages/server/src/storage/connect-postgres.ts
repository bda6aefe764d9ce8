import { isRecord } from '../internal/is-record.js';
import { importOptional } from './import-optional.js';
import type { SqlClient, StoreConnection } from './storage-clients.js';

interface PgPool extends SqlClient {
  end(): Promise<unknown>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

type PoolConstructor = new (options: { connectionString: string; max?: number }) => unknown;

const isPoolConstructor = (value: unknown): value is PoolConstructor => typeof value === 'function';

const isPgPool = (value: unknown): value is PgPool =>
  isRecord(value) &&
  typeof value.query === 'function' &&
  typeof value.end === 'function' &&
  typeof value.on === 'function';

const findPool = (loaded: unknown): PoolConstructor | undefined => {
  if (!isRecord(loaded)) return undefined;
  if (isPoolConstructor(loaded.Pool)) return loaded.Pool;
  return isRecord(loaded.default) && isPoolConstructor(loaded.default.Pool) ? loaded.default.Pool : undefined;
};

/** A `pg` pool (an optional dependency, loaded only when `storage.database_url` is set). */
export async function connectPostgres(
  url: string,
  onError: (error: unknown) => void,
): Promise<StoreConnection<SqlClient>> {
  const Pool = findPool(await importOptional('pg', 'storage.database_url'));
  if (Pool === undefined) throw new Error("The 'pg' package does not export Pool.");
  const pool = new Pool({ connectionString: url, max: 10 });
  if (!isPgPool(pool)) throw new Error("The 'pg' package returned an unexpected pool.");
  // An idle client losing its connection is reported here instead of crashing the process.
  pool.on('error', onError);
  return {
    client: pool,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      await pool.end();
    },
  };
}
