/** Budget periods, in UTC: days start at 00:00, weeks on Monday, months on the 1st. */
export type BudgetPeriod = 'daily' | 'weekly' | 'monthly';

export interface PeriodWindow {
  /** Identifies the period in counter keys and alert ids: `2026-05-01`, `2026-W04-27`… */
  key: string;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive: when the budget resets. */
  end: number;
}

const DAY_MS = 86_400_000;

/** The period that contains `now`. */
export function periodWindow(period: BudgetPeriod, now: number): PeriodWindow {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const dayStart = Date.UTC(year, month, date.getUTCDate());
  switch (period) {
    case 'daily':
      return { key: new Date(dayStart).toISOString().slice(0, 10), start: dayStart, end: dayStart + DAY_MS };
    case 'weekly': {
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      const start = dayStart - sinceMonday * DAY_MS;
      return { key: `W${new Date(start).toISOString().slice(0, 10)}`, start, end: start + 7 * DAY_MS };
    }
    case 'monthly': {
      const start = Date.UTC(year, month, 1);
      return { key: new Date(start).toISOString().slice(0, 7), start, end: Date.UTC(year, month + 1, 1) };
    }
    default: {
      const unreachable: never = period;
      throw new Error(`Unknown budget period ${String(unreachable)}`);
    }
  }
}
