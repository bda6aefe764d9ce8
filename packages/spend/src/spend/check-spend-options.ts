import { InvalidConfigError } from '@switchyard/core';
import type { AnomalyRule } from '../anomaly/anomaly-rule.js';
import type { BudgetRule } from '../budgets/budget-rule.js';

const PERIODS: ReadonlyArray<string> = ['daily', 'weekly', 'monthly'];

const positive = (value: number): boolean => Number.isFinite(value) && value > 0;

/** Rejects budgets and anomaly rules that could never work, naming the rule and field. */
export function checkSpendRules(
  budgets: ReadonlyArray<BudgetRule>,
  anomalies: ReadonlyArray<AnomalyRule>,
): void {
  const names = new Set<string>();
  const unique = (kind: string, name: string) => {
    if (name === '') throw new InvalidConfigError(`A spend ${kind} has an empty name.`);
    if (names.has(name)) throw new InvalidConfigError(`Spend rule name '${name}' is used twice.`);
    names.add(name);
  };
  for (const budget of budgets) {
    unique('budget', budget.name);
    if (!positive(budget.limit)) {
      throw new InvalidConfigError(`Budget '${budget.name}': limit must be a positive number of USD.`);
    }
    if (!PERIODS.includes(budget.period)) {
      throw new InvalidConfigError(`Budget '${budget.name}': period must be daily, weekly or monthly.`);
    }
    if (budget.mode !== undefined && budget.mode !== 'soft' && budget.mode !== 'hard') {
      throw new InvalidConfigError(`Budget '${budget.name}': mode must be soft or hard.`);
    }
  }
  for (const rule of anomalies) {
    unique('anomaly rule', rule.name);
    if (!positive(rule.windowMs)) {
      throw new InvalidConfigError(`Anomaly rule '${rule.name}': windowMs must be a positive number.`);
    }
    if (!positive(rule.baselineMultiplier)) {
      throw new InvalidConfigError(`Anomaly rule '${rule.name}': baselineMultiplier must be positive.`);
    }
    if (
      rule.baselineWindows !== undefined &&
      !(Number.isInteger(rule.baselineWindows) && rule.baselineWindows > 0)
    ) {
      throw new InvalidConfigError(
        `Anomaly rule '${rule.name}': baselineWindows must be a positive integer.`,
      );
    }
  }
}
