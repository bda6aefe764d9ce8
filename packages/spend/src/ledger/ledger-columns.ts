import type { LedgerRecord } from './ledger-record.js';

/** Insert order of the ledger table's columns, with the SQL cast each parameter needs. */
export const LEDGER_COLUMNS: ReadonlyArray<readonly [column: string, cast: string]> = [
  ['id', 'text'],
  ['trace_id', 'text'],
  ['ts', 'timestamptz'],
  ['provider', 'text'],
  ['model', 'text'],
  ['route', 'text'],
  ['prompt_tokens', 'integer'],
  ['completion_tokens', 'integer'],
  ['cached_tokens', 'integer'],
  ['cache_write_tokens', 'integer'],
  ['reasoning_tokens', 'integer'],
  ['total_tokens', 'integer'],
  ['cost', 'double precision'],
  ['cache_status', 'text'],
  ['latency_ms', 'double precision'],
  ['status', 'text'],
  ['error', 'text'],
  ['stream', 'boolean'],
  ['metadata', 'jsonb'],
];

/** One record's parameters, in `LEDGER_COLUMNS` order. */
export const ledgerParams = (record: LedgerRecord): Array<unknown> => [
  record.id,
  record.traceId,
  new Date(record.timestamp).toISOString(),
  record.provider,
  record.model,
  record.route,
  record.promptTokens,
  record.completionTokens,
  record.cachedTokens,
  record.cacheWriteTokens,
  record.reasoningTokens,
  record.totalTokens,
  record.cost,
  record.cache,
  record.latencyMs,
  record.status,
  record.error,
  record.stream,
  JSON.stringify(record.metadata),
];

/** `CREATE TABLE` for the ledger (idempotent). */
export const createLedgerTableSql = (table: string): string => `CREATE TABLE IF NOT EXISTS ${table} (
  id text PRIMARY KEY,
  trace_id text NOT NULL,
  ts timestamptz NOT NULL,
  provider text,
  model text,
  route text NOT NULL,
  prompt_tokens integer NOT NULL,
  completion_tokens integer NOT NULL,
  cached_tokens integer NOT NULL,
  cache_write_tokens integer NOT NULL,
  reasoning_tokens integer NOT NULL,
  total_tokens integer NOT NULL,
  cost double precision,
  cache_status text NOT NULL,
  latency_ms double precision NOT NULL,
  status text NOT NULL,
  error text,
  stream boolean NOT NULL,
  metadata jsonb NOT NULL
)`;
