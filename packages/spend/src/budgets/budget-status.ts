import type { BudgetPeriod } from './budget-period.js';

/** Where one budget stands in its current period. */
export interface BudgetStatus {
  name: string;
  mode: 'soft' | 'hard';
  period: BudgetPeriod;
  limit: number;
  /** USD spent this period. */
  spent: number;
  remaining: number;
  exceeded: boolean;
  /** The rule's scope plus its `per` key's value. */
  scope: Record<string, string>;
  /** ISO time the period ends and the counter starts again from 0. */
  resetsAt: string;
}
