import type { CacheStatus } from '@switchyard/core';

/** How a request ended: answered, failed (including a budget block), or abandoned by the caller mid-stream. */
export type RequestStatus = 'success' | 'error' | 'cancelled';

/** One request in the spend ledger. */
export interface LedgerRecord {
  /** Unique per record (a random UUID). */
  id: string;
  traceId: string;
  /** When the gateway received the request, ms since the epoch. */
  timestamp: number;
  /** The provider key (`providers` name) that answered; null when none did. */
  provider: string | null;
  model: string | null;
  /** Route name, or `provider/model` for direct addressing. */
  route: string;
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens read from the provider's cache (part of `promptTokens`). */
  cachedTokens: number;
  /** Prompt tokens written to the provider's cache (part of `promptTokens`), when reported. */
  cacheWriteTokens: number;
  /** Reasoning tokens (part of `completionTokens`). */
  reasoningTokens: number;
  totalTokens: number;
  /** USD; null when the model's price is unknown. 0 for gateway cache hits. */
  cost: number | null;
  cache: CacheStatus;
  latencyMs: number;
  status: RequestStatus;
  /** `ErrorName: message` for failed requests. */
  error: string | null;
  stream: boolean;
  /** All request metadata (gateway defaults merged with the request's). */
  metadata: Readonly<Record<string, string>>;
}
