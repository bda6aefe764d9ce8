import type { SpendAlert } from './spend-alert.js';

/** Somewhere alerts go. `send` rejects when delivery failed; the dispatcher retries with backoff. */
export interface AlertChannel {
  /** `webhook`, `email`, `pagerduty`, `callback`, or a custom name (used in error messages). */
  readonly type: string;
  send(alert: SpendAlert, signal: AbortSignal): Promise<void>;
  /** Releases connections (an SMTP pool); called by `spend().close()`. */
  close?(): void | Promise<void>;
}
