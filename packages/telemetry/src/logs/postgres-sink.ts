import { InvalidConfigError, safeParseJson } from '@switchyard/core';
import type { ResolvedLogQuery } from './log-query.js';
import type { LogSink } from './log-sink.js';
import { readLogRecord } from './read-log-record.js';
import type { RequestLogRecord } from './request-log-record.js';

/**
 * Any SQL client with `query(text, params) → { rows }`: a `pg` Pool or Client, PGlite, or a wrapper
 * around another driver. Parameters are `$1`, `$2`… as in PostgreSQL.
 */
export interface SqlClient {
  query(text: string, params?: Array<unknown>): Promise<{ rows: Array<unknown> }>;
}

export interface PostgresSinkOptions {
  /** Table name, optionally schema-qualified. Default `switchyard_request_logs`. */
  table?: string;
  /** Create the table and its indexes on first use. Default true. */
  createTable?: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
/** Inserted columns in `rowParams` order, with the cast each parameter needs. */
const COLUMNS: ReadonlyArray<readonly [name: string, cast: string]> = [
  ['id', ''],
  ['ts', '::timestamptz'],
  ['trace_id', ''],
  ['status', ''],
  ['status_code', ''],
  ['route', ''],
  ['provider', ''],
  ['model', ''],
  ['duration_ms', ''],
  ['cost', ''],
  ['metadata', '::jsonb'],
  ['record', '::jsonb'],
];
const COLUMN_LIST = COLUMNS.map(([name]) => name).join(', ');

const createTableSql = (table: string): ReadonlyArray<string> => {
  const index = table.replace('.', '_');
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
      id text PRIMARY KEY,
      ts timestamptz NOT NULL,
      trace_id text NOT NULL,
      status text NOT NULL,
      status_code integer NOT NULL,
      route text NOT NULL,
      provider text,
      model text,
      duration_ms double precision NOT NULL,
      cost double precision,
      metadata jsonb NOT NULL,
      record jsonb NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS ${index}_ts_idx ON ${table} (ts DESC)`,
    `CREATE INDEX IF NOT EXISTS ${index}_trace_idx ON ${table} (trace_id)`,
  ];
};

const rowParams = (record: RequestLogRecord): Array<unknown> => [
  record.id,
  record.timestamp,
  record.traceId,
  record.status,
  record.statusCode,
  record.route,
  record.provider ?? null,
  record.model ?? null,
  record.durationMs,
  record.cost ?? null,
  JSON.stringify(record.metadata),
  JSON.stringify(record),
];

const whereClause = (query: ResolvedLogQuery, params: Array<unknown>): string => {
  const conditions: Array<string> = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.status !== undefined) add('status = ?', query.status);
  if (query.provider !== undefined) add('provider = ?', query.provider);
  if (query.model !== undefined) add('model = ?', query.model);
  if (query.route !== undefined) add('route = ?', query.route);
  if (query.traceId !== undefined) add('trace_id = ?', query.traceId);
  if (query.since !== undefined) add('ts >= ?::timestamptz', new Date(query.since).toISOString());
  if (query.until !== undefined) add('ts < ?::timestamptz', new Date(query.until).toISOString());
  if (query.metadata !== undefined) add('metadata @> ?::jsonb', JSON.stringify(query.metadata));
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
};

const readRow = (row: unknown): RequestLogRecord | undefined => {
  if (typeof row !== 'object' || row === null || !('record' in row)) return undefined;
  const stored = row.record;
  if (typeof stored !== 'string') return readLogRecord(stored);
  const parsed = safeParseJson(stored);
  return parsed.success ? readLogRecord(parsed.value) : undefined;
};

/**
 * Request logs in PostgreSQL through any client with `query(text, params)` (`pg`, PGlite). A batch is one
 * multi-row `INSERT … ON CONFLICT (id) DO NOTHING`, so a retried batch never duplicates records; filters
 * are indexed columns plus `metadata @> …` on JSONB; the whole record is kept as JSONB.
 */
export function postgresSink(client: SqlClient, options: PostgresSinkOptions = {}): LogSink {
  const table = options.table ?? 'switchyard_request_logs';
  if (!IDENTIFIER.test(table)) {
    throw new InvalidConfigError(`postgresSink table '${table}' is not a plain (schema.)table name.`);
  }
  let ready: Promise<void> | undefined;
  const ensureTable = (): Promise<void> => {
    if (options.createTable === false) return Promise.resolve();
    ready ??= (async () => {
      for (const statement of createTableSql(table)) await client.query(statement);
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  return {
    name: 'postgres',
    async write(records) {
      if (records.length === 0) return;
      await ensureTable();
      const params: Array<unknown> = [];
      const rows = records.map((record) => {
        const values = rowParams(record).map((value, index) => {
          params.push(value);
          return `$${params.length}${COLUMNS[index]?.[1] ?? ''}`;
        });
        return `(${values.join(', ')})`;
      });
      await client.query(
        `INSERT INTO ${table} (${COLUMN_LIST}) VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`,
        params,
      );
    },
    async query(query) {
      await ensureTable();
      const params: Array<unknown> = [];
      const where = whereClause(query, params);
      params.push(query.limit);
      const result = await client.query(
        `SELECT record FROM ${table} ${where} ORDER BY ts DESC, id DESC LIMIT $${params.length}`,
        params,
      );
      return result.rows.flatMap((row) => readRow(row) ?? []);
    },
  };
}
