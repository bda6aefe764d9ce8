import {
  AbortError,
  BudgetExceededError,
  type ChatCompletionChunk,
  type CompletionUsage,
  type GatewayResult,
  type MiddlewareHandler,
  type MiddlewareState,
} from '@switchyard/core';
import type { AlertChannel } from '../alerts/alert-channel.js';
import { AlertDispatcher } from '../alerts/alert-dispatcher.js';
import { resolveReportQuery } from '../analytics/resolve-report-query.js';
import { AnomalyDetector } from '../anomaly/anomaly-detector.js';
import { BudgetEnforcer } from '../budgets/budget-enforcer.js';
import { memoryBudgetCounters } from '../budgets/memory-budget-counters.js';
import type { RequestStatus } from '../ledger/ledger-record.js';
import { LedgerWriter } from '../ledger/ledger-writer.js';
import { memoryLedgerStore } from '../ledger/memory-ledger-store.js';
import { createPriceTable } from '../pricing/create-price-table.js';
import { buildLedgerRecord } from './build-ledger-record.js';
import { checkSpendRules } from './check-spend-options.js';
import { MeteredStream } from './metered-stream.js';
import { resolveRequestCost } from './resolve-request-cost.js';
import type { SpendOptions } from './spend-options.js';
import type { SpendTracker } from './spend-tracker.js';

interface Outcome {
  status: RequestStatus;
  usage: CompletionUsage | undefined;
  error?: unknown;
  generated?: boolean;
}

const warnInConsole = (error: unknown): void => {
  console.warn('[switchyard/spend]', error instanceof Error ? error.message : error);
};

/**
 * Spend tracking as middleware (stage `spend`): prices every request (filling `usage.estimated_cost`
 * when the gateway has no `pricing`), writes one ledger record per request off the request path,
 * enforces budgets before the provider is called and raises budget and anomaly alerts.
 */
export function spend(options: SpendOptions = {}): SpendTracker {
  const budgetRules = options.budgets ?? [];
  const anomalyRules = options.anomalies ?? [];
  checkSpendRules(budgetRules, anomalyRules);
  const now = options.now ?? Date.now;
  const onError = options.onError ?? warnInConsole;
  const table = createPriceTable(options.prices === undefined ? {} : { prices: options.prices });
  const store = options.store ?? memoryLedgerStore();
  const writer = new LedgerWriter(store, options.queue ?? {}, onError);
  const alerts = new AlertDispatcher(options.alertDelivery ?? {}, onError);
  const budgets = new BudgetEnforcer(
    budgetRules,
    options.counters ?? memoryBudgetCounters(now),
    alerts,
    onError,
  );
  const detectors = anomalyRules.map((rule) => new AnomalyDetector(rule, alerts));
  const channels = new Set<AlertChannel>(
    [...budgetRules, ...anomalyRules].flatMap((rule) => rule.channels ?? []),
  );

  // Record ids: random per tracker (unique across replicas), then a counter (cheaper than a UUID per request).
  const idPrefix = `${crypto.randomUUID()}-`;
  let sequence = 0;

  /** Cost, ledger record, budget counters and anomaly windows for one finished request. */
  const settle = (state: MiddlewareState, timestamp: number, outcome: Outcome): void => {
    try {
      const { status, usage, error } = outcome;
      const cost = resolveRequestCost(table, state, usage, status, outcome.generated ?? false);
      const record = buildLedgerRecord(`${idPrefix}${(++sequence).toString(36)}`, state, timestamp, {
        status,
        usage,
        cost,
        error,
      });
      if (!writer.enqueue(record)) {
        state.warnings.push({
          type: 'other',
          message: 'The spend ledger is closed or its queue is full; this request was not recorded.',
        });
      }
      if (cost !== null && cost > 0) {
        budgets.record(state.metadata, cost, timestamp);
        for (const detector of detectors) detector.observe(state.metadata, cost, timestamp);
      }
    } catch (failure) {
      // Spend accounting must never break a response.
      onError(failure);
    }
  };

  /** Shared counters: a store that is down must not take the gateway with it, so the request goes through. */
  const awaitSharedCheck = async (state: MiddlewareState, checked: Promise<void>): Promise<void> => {
    try {
      await checked;
    } catch (error) {
      if (BudgetExceededError.isInstance(error)) throw error;
      onError(error);
      state.warnings.push({
        type: 'other',
        message: 'Budgets could not be checked; the request was let through.',
      });
    }
  };

  const handler: MiddlewareHandler = async (state, next) => {
    const timestamp = now();
    let result: GatewayResult;
    try {
      const checked = budgets.check(state.metadata, timestamp);
      if (checked !== undefined) await awaitSharedCheck(state, checked);
      result = await next();
    } catch (error) {
      const status = AbortError.isInstance(error) ? 'cancelled' : 'error';
      settle(state, timestamp, { status, usage: state.usage, error });
      throw error;
    }
    if (result.type === 'completion') {
      settle(state, timestamp, { status: 'success', usage: result.completion.usage ?? state.usage });
      return result;
    }
    let settled = false;
    const stream = new MeteredStream(result.stream, {
      onUsageChunk: (chunk: ChatCompletionChunk) => {
        // Price the usage chunk before the caller sees it, so `estimated_cost` and warnings are on it.
        if (settled || chunk.usage === null || chunk.usage === undefined) return;
        settled = true;
        settle(state, timestamp, { status: 'success', usage: chunk.usage });
      },
      onEnd: (status, delivered, error) => {
        if (settled) return;
        settled = true;
        settle(state, timestamp, { status, usage: state.usage, error, generated: delivered > 0 });
      },
    });
    return { type: 'stream', stream };
  };

  return {
    name: 'spend',
    stages: { spend: handler },
    pricing: table.pricing,
    prices: table,
    async report(query) {
      const resolved = resolveReportQuery(query);
      await writer.flush();
      return store.report(resolved);
    },
    budgets: {
      rules: budgetRules,
      status: (metadata) => budgets.status(metadata, now()),
    },
    async records(query) {
      await writer.flush();
      return store.list(query);
    },
    stats: () => ({ ledger: writer.stats(), alerts: alerts.stats() }),
    async flush() {
      await budgets.flush();
      await Promise.all([writer.flush(), alerts.flush()]);
    },
    async close() {
      await budgets.flush();
      await Promise.all([writer.close(), alerts.close()]);
      await Promise.all([...channels].map((channel) => channel.close?.()));
    },
  };
}
