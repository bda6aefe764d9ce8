import type { FetchFunction } from '@switchyard/core';
import type { AlertChannel } from '../alerts/alert-channel.js';
import type { SmtpOptions } from '../alerts/email-channel.js';
import type { SpendAlert } from '../alerts/spend-alert.js';

/** What the config's channels need besides what the YAML says. */
export interface AlertsConfigContext {
  /** SMTP server for `type: email` channels. */
  smtp?: string | SmtpOptions;
  /** Sender of alert emails. Default `switchyard@localhost`. */
  from?: string;
  /** `fetch` for webhook and PagerDuty channels. Default `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Functions for `type: callback` channels, by their `name`. */
  callbacks?: Readonly<Record<string, (alert: SpendAlert) => void | Promise<void>>>;
  /** Channels of other types (`type: <name>`), by type. */
  channels?: Readonly<Record<string, (config: Readonly<Record<string, unknown>>) => AlertChannel>>;
}
