import type { MiddlewareState } from '@switchyard/core';
import type { LedgerRecord, RequestStatus } from '../ledger/ledger-record.js';
import type { PricedUsage } from '../pricing/priced-usage.js';
import { describeError } from './request-error.js';

export interface RequestOutcome {
  status: RequestStatus;
  usage: (PricedUsage & { total_tokens: number }) | undefined;
  cost: number | null;
  error?: unknown;
}

/** The ledger record of a finished request; `id` must be unique across processes. */
export function buildLedgerRecord(
  id: string,
  state: MiddlewareState,
  timestamp: number,
  outcome: RequestOutcome,
): LedgerRecord {
  const { usage } = outcome;
  return {
    id,
    traceId: state.traceId,
    timestamp,
    provider: state.provider ?? null,
    model: state.model ?? null,
    route: state.route,
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage?.prompt_tokens_details?.cache_write_tokens ?? 0,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
    totalTokens: usage?.total_tokens ?? 0,
    cost: outcome.cost,
    cache: state.cache,
    latencyMs: Math.round((performance.now() - state.startedAt) * 100) / 100,
    status: outcome.status,
    error: outcome.error === undefined ? null : describeError(outcome.error),
    stream: state.stream,
    metadata: state.metadata,
  };
}
