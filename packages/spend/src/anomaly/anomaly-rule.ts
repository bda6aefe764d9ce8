import type { AlertChannel } from '../alerts/alert-channel.js';

/** Alerts when spend in a sliding window jumps above a multiple of its usual level. */
export interface AnomalyRule {
  /** Unique name; used in alerts. */
  name: string;
  /** Length of the sliding window, ms (the article's `window: 1h` is 3 600 000). */
  windowMs: number;
  /** Alert when the window's spend exceeds this multiple of the baseline (the article's `baseline_multiplier`). */
  baselineMultiplier: number;
  /** The baseline is the average spend of up to this many windows before the current one. Default 24. */
  baselineWindows?: number;
  /** No alert while the window's spend is below this, USD. Default 0. */
  minSpend?: number;
  /** Only requests whose metadata has all these values count. Default: every request. */
  scope?: Readonly<Record<string, string>>;
  channels?: ReadonlyArray<AlertChannel>;
}
