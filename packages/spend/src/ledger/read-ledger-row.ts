import { type CacheStatus, safeParseJson } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import { readNumber } from '../internal/read-number.js';
import type { LedgerRecord, RequestStatus } from './ledger-record.js';

const CACHE_STATUSES: ReadonlyArray<CacheStatus> = ['hit', 'semantic-hit', 'miss', 'bypass'];
const STATUSES: ReadonlyArray<RequestStatus> = ['success', 'error', 'cancelled'];

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const count = (value: unknown): number => readNumber(value) ?? 0;

const toMetadata = (raw: unknown): Record<string, string> => {
  let value = raw;
  // Drivers return jsonb parsed; a client that returns it as text gets it parsed safely here.
  if (typeof raw === 'string') {
    const parsed = safeParseJson(raw);
    if (!parsed.success) return {};
    value = parsed.value;
  }
  const metadata: Record<string, string> = {};
  if (!isRecord(value)) return metadata;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') metadata[key] = entry;
  }
  return metadata;
};

const toEpochMs = (value: unknown): number => {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return Date.parse(value);
  return readNumber(value) ?? Number.NaN;
};

/** A ledger table row as a record; undefined when the row is not one (missing id or time). */
export function readLedgerRow(row: unknown): LedgerRecord | undefined {
  if (!isRecord(row)) return undefined;
  const id = text(row.id);
  const timestamp = toEpochMs(row.ts);
  if (id === null || !Number.isFinite(timestamp)) return undefined;
  const cache = CACHE_STATUSES.find((status) => status === row.cache_status) ?? 'bypass';
  const status = STATUSES.find((value) => value === row.status) ?? 'success';
  return {
    id,
    traceId: text(row.trace_id) ?? '',
    timestamp,
    provider: text(row.provider),
    model: text(row.model),
    route: text(row.route) ?? '',
    promptTokens: count(row.prompt_tokens),
    completionTokens: count(row.completion_tokens),
    cachedTokens: count(row.cached_tokens),
    cacheWriteTokens: count(row.cache_write_tokens),
    reasoningTokens: count(row.reasoning_tokens),
    totalTokens: count(row.total_tokens),
    cost: readNumber(row.cost) ?? null,
    cache,
    latencyMs: count(row.latency_ms),
    status,
    error: text(row.error),
    stream: row.stream === true,
    metadata: toMetadata(row.metadata),
  };
}
