import {
  type ModelPrice,
  memoryBudgetCounters,
  memoryLedgerStore,
  postgresLedgerStore,
  redisBudgetCounters,
  spend,
  spendRulesFromConfig,
} from '@switchyard/spend';
import { ledgerLogSource } from '../../admin/ledger-log-source.js';
import type { SectionAdapter } from './section-adapter.js';

type PriceConfig = Readonly<
  Record<
    string,
    {
      input?: number | undefined;
      output?: number | undefined;
      cache_read?: number | undefined;
      cache_write?: number | undefined;
      reasoning?: number | undefined;
    }
  >
>;

const toPrices = (prices: PriceConfig): Record<string, Partial<ModelPrice>> =>
  Object.fromEntries(
    Object.entries(prices).map(([model, price]) => [
      model,
      {
        ...(price.input === undefined ? {} : { input: price.input }),
        ...(price.output === undefined ? {} : { output: price.output }),
        ...(price.cache_read === undefined ? {} : { cacheRead: price.cache_read }),
        ...(price.cache_write === undefined ? {} : { cacheWrite: price.cache_write }),
        ...(price.reasoning === undefined ? {} : { reasoning: price.reasoning }),
      },
    ]),
  );

/**
 * `spend:` and `alerts:` → `@switchyard/spend`: on by default in server mode (prices, ledger, analytics,
 * budgets and alerts). The ledger goes to PostgreSQL and budget counters to Redis when configured, so
 * replicas share one ledger and one budget.
 */
export const applySpendSection: SectionAdapter = async ({ config, storage, logger }) => {
  const section = config.spend ?? {};
  if (section.enabled === false) return undefined;
  const usePostgres = (section.store ?? (storage.sql !== undefined ? 'postgres' : 'memory')) === 'postgres';
  const rules = spendRulesFromConfig(config.alerts ?? {}, {
    smtp: section.smtp ?? 'smtp://localhost:25',
    ...(section.email_from === undefined ? {} : { from: section.email_from }),
  });
  const tracker = spend({
    ...rules,
    store:
      usePostgres && storage.sql !== undefined
        ? postgresLedgerStore(storage.sql.client)
        : memoryLedgerStore(),
    counters:
      storage.redis !== undefined ? redisBudgetCounters(storage.redis.client) : memoryBudgetCounters(),
    ...(section.prices === undefined ? {} : { prices: toPrices(section.prices) }),
    onError: (error) => logger.warn('spend: background failure', { error }),
  });
  return {
    middleware: [tracker],
    pricing: tracker.pricing,
    admin: { spend: tracker, logs: ledgerLogSource(tracker) },
    close: () => tracker.close(),
  };
};
