import { InvalidConfigError } from '@switchyard/core';
import type { AggregateRow } from '../analytics/aggregate-row.js';
import { assembleReport } from '../analytics/assemble-report.js';
import type { ReportColumn, ResolvedReportQuery } from '../analytics/spend-report.js';
import { isRecord } from '../internal/is-record.js';
import { readNumber } from '../internal/read-number.js';
import { createLedgerTableSql, LEDGER_COLUMNS, ledgerParams } from './ledger-columns.js';
import type { LedgerStore } from './ledger-store.js';
import { readLedgerRow } from './read-ledger-row.js';
import type { SqlClient } from './sql-client.js';

export interface PostgresLedgerStoreOptions {
  /** Table name, optionally schema-qualified. Default `switchyard_spend_ledger`. */
  table?: string;
  /** Create the table and its index on first use. Default true. */
  createTable?: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

const COLUMN_SQL: Readonly<Record<ReportColumn, string>> = {
  provider: 'provider',
  model: 'model',
  route: 'route',
  status: 'status',
  cache: 'cache_status',
};

const count = (row: Record<string, unknown>, key: string): number => readNumber(row[key]) ?? 0;

const toAggregateRow = (row: unknown): AggregateRow | undefined => {
  if (!isRecord(row) || typeof row.day !== 'string') return undefined;
  return {
    key: typeof row.group_key === 'string' ? row.group_key : null,
    date: row.day,
    requests: count(row, 'requests'),
    cost: count(row, 'cost'),
    unpricedRequests: count(row, 'unpriced'),
    errors: count(row, 'errors'),
    promptTokens: count(row, 'prompt_tokens'),
    completionTokens: count(row, 'completion_tokens'),
    cachedTokens: count(row, 'cached_tokens'),
    cacheWriteTokens: count(row, 'cache_write_tokens'),
    reasoningTokens: count(row, 'reasoning_tokens'),
    totalTokens: count(row, 'total_tokens'),
  };
};

/**
 * The spend ledger in PostgreSQL through any client with `query(text, params)` (`pg`, PGlite). Batches are
 * one multi-row `INSERT … ON CONFLICT (id) DO NOTHING`, so a retried batch never duplicates records;
 * reports are one `GROUP BY` query.
 */
export function postgresLedgerStore(
  client: SqlClient,
  options: PostgresLedgerStoreOptions = {},
): LedgerStore {
  const table = options.table ?? 'switchyard_spend_ledger';
  if (!IDENTIFIER.test(table)) {
    throw new InvalidConfigError(`postgresLedgerStore table '${table}' is not a plain (schema.)table name.`);
  }
  let ready: Promise<void> | undefined;
  const ensureTable = (): Promise<void> => {
    if (options.createTable === false) return Promise.resolve();
    ready ??= (async () => {
      await client.query(createLedgerTableSql(table));
      await client.query(`CREATE INDEX IF NOT EXISTS ${table.replace('.', '_')}_ts_idx ON ${table} (ts)`);
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  const columnList = LEDGER_COLUMNS.map(([column]) => column).join(', ');

  return {
    async write(records) {
      if (records.length === 0) return;
      await ensureTable();
      const params: Array<unknown> = [];
      const tuples = records.map((record) => {
        const values = ledgerParams(record);
        const placeholders = values.map((value, i) => {
          params.push(value);
          return `$${params.length}::${LEDGER_COLUMNS[i]?.[1] ?? 'text'}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await client.query(
        `INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
        params,
      );
    },

    async report(query: ResolvedReportQuery) {
      await ensureTable();
      const group = query.group;
      const params: Array<unknown> = [new Date(query.start).toISOString(), new Date(query.end).toISOString()];
      let groupSql: string;
      if (group.kind === 'column') groupSql = COLUMN_SQL[group.column];
      else {
        params.push(group.key);
        groupSql = 'metadata ->> $3';
      }
      const { rows } = await client.query(
        `SELECT ${groupSql} AS group_key,
          to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
          count(*)::float8 AS requests,
          coalesce(sum(cost), 0)::float8 AS cost,
          count(*) FILTER (WHERE cost IS NULL)::float8 AS unpriced,
          count(*) FILTER (WHERE status = 'error')::float8 AS errors,
          coalesce(sum(prompt_tokens), 0)::float8 AS prompt_tokens,
          coalesce(sum(completion_tokens), 0)::float8 AS completion_tokens,
          coalesce(sum(cached_tokens), 0)::float8 AS cached_tokens,
          coalesce(sum(cache_write_tokens), 0)::float8 AS cache_write_tokens,
          coalesce(sum(reasoning_tokens), 0)::float8 AS reasoning_tokens,
          coalesce(sum(total_tokens), 0)::float8 AS total_tokens
        FROM ${table}
        WHERE ts >= $1::timestamptz AND ts < $2::timestamptz
        GROUP BY 1, 2`,
        params,
      );
      return assembleReport(
        query,
        rows.flatMap((row) => toAggregateRow(row) ?? []),
      );
    },

    async list(query = {}) {
      await ensureTable();
      const params: Array<unknown> = [];
      const where: Array<string> = [];
      if (query.start !== undefined) {
        params.push(new Date(query.start).toISOString());
        where.push(`ts >= $${params.length}::timestamptz`);
      }
      if (query.end !== undefined) {
        params.push(new Date(query.end).toISOString());
        where.push(`ts < $${params.length}::timestamptz`);
      }
      params.push(query.limit ?? 100);
      const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const { rows } = await client.query(
        `SELECT * FROM ${table} ${filter} ORDER BY ts DESC, id LIMIT $${params.length}`,
        params,
      );
      return rows.flatMap((row) => readLedgerRow(row) ?? []);
    },
  };
}
