/**
 * Any SQL client with `query(text, params) → { rows }`: a `pg` Pool or Client, PGlite, or a wrapper
 * around another driver. Parameters are `$1`, `$2`… as in PostgreSQL.
 */
export interface SqlClient {
  query(text: string, params?: Array<unknown>): Promise<{ rows: Array<unknown> }>;
}
