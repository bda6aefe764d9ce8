import { isRecordLike } from '../internal/is-record-like.js';
import type { CacheFilter, CacheStore, SimilarMatch } from './cache-store.js';
import { postgresSchema } from './postgres-schema.js';
import { type SqlClient, toNumber } from './sql-client.js';

export interface PostgresStoreOptions {
  /** Table name, optionally schema-qualified; created on first use. Default `switchyard_cache`. */
  table?: string;
  /**
   * Store embeddings in a pgvector column (HNSW index, cosine) and search them in SQL, so replicas
   * share semantic hits. Needs the `vector` extension. Default: off (the middleware indexes in-process).
   */
  vector?: { dimensions: number };
  /** Most entries kept; the oldest are trimmed during housekeeping. Default: unbounded. */
  maxSize?: number;
  /** Run housekeeping (delete expired rows, trim to `maxSize`) every this many writes. Default 100. */
  housekeepingEvery?: number;
}

const toVectorLiteral = (vector: ReadonlyArray<number>): string => `[${vector.join(',')}]`;

/**
 * Entries in PostgreSQL, shared by every replica. Takes any client with `query(text, params) → { rows }`
 * (`pg`, PGlite); with `vector` it stores embeddings with pgvector and answers semantic lookups in SQL.
 */
export function postgresStore(client: SqlClient, options: PostgresStoreOptions = {}): CacheStore {
  const table = options.table ?? 'switchyard_cache';
  const dimensions = options.vector?.dimensions;
  const schema = postgresSchema(table, dimensions);
  const housekeepingEvery = options.housekeepingEvery ?? 100;
  let ready: Promise<void> | undefined;
  let writes = 0;

  const ensureSchema = (): Promise<void> => {
    ready ??= (async () => {
      for (const statement of schema) await client.query(statement);
    })().catch((error: unknown) => {
      ready = undefined; // try again on the next call
      throw error;
    });
    return ready;
  };

  const housekeeping = async (): Promise<void> => {
    await client.query(`DELETE FROM ${table} WHERE expires_at <= $1`, [Date.now()]);
    if (options.maxSize !== undefined) {
      await client.query(
        `DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} ORDER BY created_at DESC OFFSET $1)`,
        [options.maxSize],
      );
    }
  };

  const where = (filter: CacheFilter): { clause: string; params: Array<unknown> } => {
    const conditions: Array<string> = [];
    const params: Array<unknown> = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.namespace !== undefined) add((p) => `namespace = ${p}`, filter.namespace);
    if (filter.provider !== undefined) add((p) => `provider = ${p}`, filter.provider);
    if (filter.model !== undefined) add((p) => `model = ${p}`, filter.model);
    if (filter.olderThan !== undefined) add((p) => `created_at < ${p}`, filter.olderThan);
    // position() rather than LIKE, so `%` and `_` in a pattern are literal.
    if (filter.pattern !== undefined)
      add((p) => `position(lower(${p}) in lower(prompt)) > 0`, filter.pattern);
    return { clause: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
  };

  const store: CacheStore = {
    async get(key) {
      await ensureSchema();
      const { rows } = await client.query(`SELECT body FROM ${table} WHERE key = $1 AND expires_at > $2`, [
        key,
        Date.now(),
      ]);
      const row = rows[0];
      return isRecordLike(row) && typeof row.body === 'string' ? row.body : undefined;
    },
    async set(key, record, ttlMs) {
      await ensureSchema();
      const { meta } = record;
      const params: Array<unknown> = [
        key,
        meta.namespace,
        meta.provider,
        meta.model,
        meta.prompt,
        meta.createdAt,
        meta.createdAt + Math.max(1, Math.round(ttlMs)),
        record.body.length + meta.prompt.length,
        record.body,
        record.partition ?? null,
      ];
      const withVector = dimensions !== undefined && record.vector !== undefined;
      if (withVector && record.vector !== undefined) params.push(toVectorLiteral(record.vector));
      const columns = `key, namespace, provider, model, prompt, created_at, expires_at, bytes, body, partition${withVector ? ', embedding' : ''}`;
      const values = params.map((_value, index) => `$${index + 1}`).join(', ');
      const updates = columns
        .split(', ')
        .filter((column) => column !== 'key')
        .map((column) => `${column} = EXCLUDED.${column}`)
        .join(', ');
      await client.query(
        `INSERT INTO ${table} (${columns}) VALUES (${values}) ON CONFLICT (key) DO UPDATE SET ${updates}`,
        params,
      );
      writes += 1;
      if (writes % housekeepingEvery === 0) await housekeeping();
    },
    async invalidate(filter) {
      await ensureSchema();
      const { clause, params } = where(filter);
      const { rows } = await client.query(`DELETE FROM ${table} ${clause} RETURNING key`, params);
      return rows.flatMap((row) => (isRecordLike(row) && typeof row.key === 'string' ? [row.key] : []));
    },
    async clear() {
      await ensureSchema();
      await client.query(`DELETE FROM ${table}`);
    },
    async size() {
      await ensureSchema();
      const { rows } = await client.query(
        `SELECT count(*) AS entries, coalesce(sum(bytes), 0) AS bytes FROM ${table} WHERE expires_at > $1`,
        [Date.now()],
      );
      const row = rows[0];
      return isRecordLike(row)
        ? { entries: toNumber(row.entries), bytes: toNumber(row.bytes) }
        : { entries: 0, bytes: 0 };
    },
  };
  if (dimensions === undefined) return store;

  store.searchSimilar = async (query): Promise<Array<SimilarMatch>> => {
    await ensureSchema();
    const { rows } = await client.query(
      `SELECT key, 1 - (embedding <=> $1::vector) AS score FROM ${table}
       WHERE partition = $2 AND expires_at > $3 AND embedding IS NOT NULL
       ORDER BY embedding <=> $1::vector LIMIT $4`,
      [toVectorLiteral(query.vector), query.partition, Date.now(), query.limit],
    );
    return rows.flatMap((row) => {
      if (!isRecordLike(row) || typeof row.key !== 'string') return [];
      const score = toNumber(row.score);
      return score >= query.threshold ? [{ key: row.key, score }] : [];
    });
  };
  return store;
}
