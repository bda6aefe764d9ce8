export type { AlertChannel } from './alerts/alert-channel.js';
export { AlertDeliveryError } from './alerts/alert-delivery-error.js';
export type { AlertDeliveryOptions, AlertStats } from './alerts/alert-dispatcher.js';
export { callbackChannel } from './alerts/callback-channel.js';
export {
  type EmailChannelOptions,
  emailChannel,
  type MailTransport,
  type SmtpOptions,
} from './alerts/email-channel.js';
export { type PagerDutyChannelOptions, pagerDutyChannel } from './alerts/pagerduty-channel.js';
export type { SpendAlert } from './alerts/spend-alert.js';
export { type WebhookChannelOptions, webhookChannel } from './alerts/webhook-channel.js';
export type {
  DailySpend,
  ReportQuery,
  SpendGroup,
  SpendReport,
  SpendTotals,
} from './analytics/spend-report.js';
export type { AnomalyRule } from './anomaly/anomaly-rule.js';
export type { BudgetCounterStore } from './budgets/budget-counter-store.js';
export type { BudgetPeriod } from './budgets/budget-period.js';
export type { BudgetRule } from './budgets/budget-rule.js';
export type { BudgetStatus } from './budgets/budget-status.js';
export { memoryBudgetCounters } from './budgets/memory-budget-counters.js';
export { type RedisBudgetCountersOptions, redisBudgetCounters } from './budgets/redis-budget-counters.js';
export type { AlertsConfigContext } from './config/alerts-config.js';
export { type SpendRules, spendRulesFromConfig } from './config/spend-rules-from-config.js';
export { GENERATED_PRICES, PRICE_SOURCE } from './generated/model-prices.js';
export type { LedgerRecord, RequestStatus } from './ledger/ledger-record.js';
export type { LedgerListQuery, LedgerStore } from './ledger/ledger-store.js';
export type { LedgerQueueOptions, LedgerWriterStats } from './ledger/ledger-writer.js';
export {
  type MemoryLedgerStore,
  type MemoryLedgerStoreOptions,
  memoryLedgerStore,
} from './ledger/memory-ledger-store.js';
export { type PostgresLedgerStoreOptions, postgresLedgerStore } from './ledger/postgres-ledger-store.js';
export type { SqlClient } from './ledger/sql-client.js';
export { computeCost } from './pricing/compute-cost.js';
export { createPriceTable, type PriceTable, type PriceTableOptions } from './pricing/create-price-table.js';
export { createPricing, pricing } from './pricing/create-pricing.js';
export type { FindPriceQuery } from './pricing/find-price.js';
export type { ModelPrice, ResolvedPrice } from './pricing/model-price.js';
export type { PriceRow, PriceRowExtras, PriceTier } from './pricing/price-row.js';
export type { PricedProvider } from './pricing/priced-provider.js';
export type { PricedUsage } from './pricing/priced-usage.js';
export { spend } from './spend/spend.js';
export type { SpendOptions } from './spend/spend-options.js';
export type { SpendBudgets, SpendStats, SpendTracker } from './spend/spend-tracker.js';
