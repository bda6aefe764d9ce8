import type { BudgetPeriod } from '../budgets/budget-period.js';

/** What alert channels receive. */
export interface SpendAlert {
  /** Deduplication key: the rule, its period (or anomaly window) and scope. Sent at most once. */
  id: string;
  type: 'budget' | 'anomaly';
  /** The budget or anomaly rule's name (`daily-budget`). */
  rule: string;
  /** `critical` for a hard budget (requests are now blocked) and anomalies, `warning` for soft budgets. */
  severity: 'warning' | 'critical';
  /** One line for humans. */
  message: string;
  /** USD spent in the budget's period, or in the anomaly's window. */
  spend: number;
  /** The budget's limit, or the spend the anomaly rule tolerates (`baselineMultiplier` × baseline). */
  threshold: number;
  /** Metadata the rule applies to (its `scope`, plus the `per` key's value); empty for global rules. */
  scope: Record<string, string>;
  /** Budgets: the period and when it started (ISO). */
  period?: BudgetPeriod;
  periodStart?: string;
  /** Anomalies: the window length and the average spend of previous windows. */
  windowMs?: number;
  baseline?: number;
  /** When the alert was raised (ISO). */
  timestamp: string;
}
