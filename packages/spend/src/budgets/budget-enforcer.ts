import { BudgetExceededError } from '@switchyard/core';
import type { AlertDispatcher } from '../alerts/alert-dispatcher.js';
import { formatUsd } from '../internal/format-usd.js';
import { roundUsd } from '../pricing/compute-cost.js';
import type { BudgetCounterStore } from './budget-counter-store.js';
import { type PeriodWindow, periodWindow } from './budget-period.js';
import type { BudgetRule } from './budget-rule.js';
import type { BudgetStatus } from './budget-status.js';

type Metadata = Readonly<Record<string, string>>;

interface Applicable {
  rule: BudgetRule;
  window: PeriodWindow;
  key: string;
  scope: Record<string, string>;
}

const matchesScope = (rule: BudgetRule, metadata: Metadata): boolean => {
  if (rule.scope !== undefined) {
    for (const [key, value] of Object.entries(rule.scope)) if (metadata[key] !== value) return false;
  }
  return rule.per === undefined || metadata[rule.per] !== undefined;
};

/**
 * Budgets for one `spend()` instance: `check` before a request (hard budgets block), `record` after it
 * (counters grow, crossing a limit raises one alert per period and scope).
 */
export class BudgetEnforcer {
  readonly rules: ReadonlyArray<BudgetRule>;
  private readonly hardRules: ReadonlyArray<BudgetRule>;
  private readonly counters: BudgetCounterStore;
  private readonly alerts: AlertDispatcher;
  private readonly onError: (error: unknown) => void;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    rules: ReadonlyArray<BudgetRule>,
    counters: BudgetCounterStore,
    alerts: AlertDispatcher,
    onError: (error: unknown) => void,
  ) {
    this.rules = rules;
    this.hardRules = rules.filter((rule) => rule.mode === 'hard');
    this.counters = counters;
    this.alerts = alerts;
    this.onError = onError;
  }

  /**
   * Throws `BudgetExceededError` when a hard budget that applies to this request is used up. Synchronous
   * with in-memory counters; a Promise with shared ones.
   */
  check(metadata: Metadata, now: number): void | Promise<void> {
    if (this.hardRules.length === 0) return;
    const applicable = this.applicable(this.hardRules, metadata, now);
    if (applicable.length === 0) return;
    const totals = this.counters.read(applicable.map((entry) => entry.key));
    if (Array.isArray(totals)) return this.assertWithin(applicable, totals);
    return totals.then((values) => this.assertWithin(applicable, values));
  }

  /** Counts a request's cost against every budget it falls under; alerts once when one is crossed. */
  record(metadata: Metadata, cost: number, now: number): void {
    if (this.rules.length === 0 || !(cost > 0)) return;
    for (const entry of this.applicable(this.rules, metadata, now)) {
      const total = this.counters.add(entry.key, cost, entry.window.end);
      if (typeof total === 'number') this.afterAdd(entry, total, cost, now);
      else {
        const settled: Promise<void> = total
          .then((value) => this.afterAdd(entry, value, cost, now), this.onError)
          .finally(() => this.pending.delete(settled));
        this.pending.add(settled);
      }
    }
  }

  /** Current standing of the budgets that apply to `metadata` (all unscoped budgets when omitted). */
  async status(metadata: Metadata = {}, now: number = Date.now()): Promise<Array<BudgetStatus>> {
    const applicable = this.applicable(this.rules, metadata, now);
    const totals = await this.counters.read(applicable.map((entry) => entry.key));
    return applicable.map((entry, i) => {
      const spent = roundUsd(totals[i] ?? 0);
      return {
        name: entry.rule.name,
        mode: entry.rule.mode ?? 'soft',
        period: entry.rule.period,
        limit: entry.rule.limit,
        spent,
        remaining: roundUsd(Math.max(0, entry.rule.limit - spent)),
        exceeded: spent >= entry.rule.limit,
        scope: entry.scope,
        resetsAt: new Date(entry.window.end).toISOString(),
      };
    });
  }

  /** Waits for counter updates in flight (shared counters). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private applicable(rules: ReadonlyArray<BudgetRule>, metadata: Metadata, now: number): Array<Applicable> {
    const found: Array<Applicable> = [];
    for (const rule of rules) {
      if (!matchesScope(rule, metadata)) continue;
      const window = periodWindow(rule.period, now);
      const scope: Record<string, string> = { ...rule.scope };
      let key = `${rule.name}:${window.key}`;
      if (rule.per !== undefined) {
        const value = metadata[rule.per] ?? '';
        scope[rule.per] = value;
        key += `:${value}`;
      }
      found.push({ rule, window, key, scope });
    }
    return found;
  }

  private assertWithin(applicable: ReadonlyArray<Applicable>, totals: ReadonlyArray<number>): void {
    applicable.forEach((entry, i) => {
      const spent = totals[i] ?? 0;
      if (spent < entry.rule.limit) return;
      const who = Object.entries(entry.scope)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ');
      throw new BudgetExceededError(
        `Budget '${entry.rule.name}'${who === '' ? '' : ` (${who})`} is exhausted: ${formatUsd(spent)} of ${formatUsd(entry.rule.limit)} ${entry.rule.period} spent; it resets at ${new Date(entry.window.end).toISOString()}.`,
        entry.rule.name,
      );
    });
  }

  private afterAdd(entry: Applicable, total: number, cost: number, now: number): void {
    const { rule, window } = entry;
    // Only the request that crosses the limit alerts (with shared counters too: INCRBYFLOAT is atomic).
    if (!(total >= rule.limit && total - cost < rule.limit)) return;
    const hard = rule.mode === 'hard';
    const suffix = rule.per === undefined ? '' : `:${entry.scope[rule.per] ?? ''}`;
    this.alerts.raise(
      {
        id: `budget:${rule.name}:${window.key}${suffix}`,
        type: 'budget',
        rule: rule.name,
        severity: hard ? 'critical' : 'warning',
        message: `${rule.period} budget '${rule.name}' reached: ${formatUsd(total)} of ${formatUsd(rule.limit)}${hard ? '; requests are blocked until it resets' : ''}.`,
        spend: roundUsd(total),
        threshold: rule.limit,
        scope: entry.scope,
        period: rule.period,
        periodStart: new Date(window.start).toISOString(),
        timestamp: new Date(now).toISOString(),
      },
      rule.channels ?? [],
    );
  }
}
