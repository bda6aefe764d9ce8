import type { AlertDeliveryOptions } from '../alerts/alert-dispatcher.js';
import type { AnomalyRule } from '../anomaly/anomaly-rule.js';
import type { BudgetCounterStore } from '../budgets/budget-counter-store.js';
import type { BudgetRule } from '../budgets/budget-rule.js';
import type { LedgerStore } from '../ledger/ledger-store.js';
import type { LedgerQueueOptions } from '../ledger/ledger-writer.js';
import type { ModelPrice } from '../pricing/model-price.js';

export interface SpendOptions {
  /** Where ledger records go. Default `memoryLedgerStore()` (100 000 most recent records). */
  store?: LedgerStore;
  /**
   * Prices merged over the generated table: `{ 'gpt-4o': { input: 2.5e-6 } }` overrides a field,
   * `{ 'my-model': { input, output } }` adds a custom model. USD per token. Default: none.
   */
  prices?: Readonly<Record<string, Partial<ModelPrice>>>;
  /** Spending limits per day/week/month, globally or per metadata scope. Default: none. */
  budgets?: ReadonlyArray<BudgetRule>;
  /** Spend-spike detection. Default: none. */
  anomalies?: ReadonlyArray<AnomalyRule>;
  /** Budget counters; `redisBudgetCounters(client)` shares them between replicas. Default: in memory. */
  counters?: BudgetCounterStore;
  /** The ledger's write queue: `{ maxQueueSize: 10_000, batchSize: 500, flushIntervalMs: 1000 }`. */
  queue?: LedgerQueueOptions;
  /** Alert retries and timeouts: `{ retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, timeoutMs: 10_000 }`. */
  alertDelivery?: AlertDeliveryOptions;
  /**
   * Called with failures off the request path (a ledger write, an alert delivery, a shared budget counter).
   * Default: `console.warn`.
   */
  onError?: (error: unknown) => void;
  /** The wall clock, epoch ms (for tests). Default `Date.now`. */
  now?: () => number;
}
