import type { FetchFunction } from '@switchyard/core';
import type { AlertChannel } from './alert-channel.js';
import { formatAlertText } from './format-alert-text.js';
import { postJson } from './post-json.js';

export interface WebhookChannelOptions {
  /** Where to POST, e.g. a Slack incoming-webhook URL. Treated as a secret: never in errors. */
  url: string;
  /** Extra request headers (e.g. an auth token). */
  headers?: Record<string, string>;
  /** Default: `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/**
 * POSTs Slack-compatible JSON: `{ text, alert }` — `text` is what Slack shows, `alert` the full
 * `SpendAlert` for other receivers.
 */
export function webhookChannel(options: WebhookChannelOptions): AlertChannel {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    type: 'webhook',
    send: (alert, signal) =>
      postJson(
        'webhook',
        fetchFn,
        options.url,
        { text: formatAlertText(alert), alert },
        signal,
        options.headers,
      ),
  };
}
