import type { AlertChannel } from '../alerts/alert-channel.js';
import type { BudgetPeriod } from './budget-period.js';

/** A spending limit per period. */
export interface BudgetRule {
  /** Unique name; used in alerts, errors and counter keys. */
  name: string;
  /** USD per period. */
  limit: number;
  period: BudgetPeriod;
  /**
   * `soft`: alert once per period when spend reaches `limit`. `hard`: alert too, and from then on reject
   * requests with `BudgetExceededError` (HTTP 429) before any provider is called. Default `soft`.
   */
  mode?: 'soft' | 'hard';
  /** Only requests whose metadata has all these values count, e.g. `{ team: 'search' }`. Default: every request. */
  scope?: Readonly<Record<string, string>>;
  /** One budget per value of this metadata key (`user_id`: each user gets `limit`). Requests without it are not counted. */
  per?: string;
  /** Where the alert goes. Default: none (the budget still blocks when hard). */
  channels?: ReadonlyArray<AlertChannel>;
}
