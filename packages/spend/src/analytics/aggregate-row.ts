import type { SpendTotals } from './spend-report.js';

/** Sums of one group on one UTC day: what a store's query returns, before `assembleReport`. */
export interface AggregateRow extends SpendTotals {
  key: string | null;
  /** `YYYY-MM-DD`, UTC. */
  date: string;
}

export const emptyTotals = (): SpendTotals => ({
  requests: 0,
  cost: 0,
  unpricedRequests: 0,
  errors: 0,
  promptTokens: 0,
  completionTokens: 0,
  cachedTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  totalTokens: 0,
});

/** Adds `from` into `into`. */
export function addTotals(into: SpendTotals, from: SpendTotals): void {
  into.requests += from.requests;
  into.cost += from.cost;
  into.unpricedRequests += from.unpricedRequests;
  into.errors += from.errors;
  into.promptTokens += from.promptTokens;
  into.completionTokens += from.completionTokens;
  into.cachedTokens += from.cachedTokens;
  into.cacheWriteTokens += from.cacheWriteTokens;
  into.reasoningTokens += from.reasoningTokens;
  into.totalTokens += from.totalTokens;
}
