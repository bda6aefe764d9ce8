import type { FetchFunction } from '@switchyard/core';
import type { AlertChannel } from './alert-channel.js';
import { formatAlertText } from './format-alert-text.js';
import { postJson } from './post-json.js';

export interface PagerDutyChannelOptions {
  /** The integration's routing key (the article's `integration_key`). */
  routingKey: string;
  /** Events API v2 endpoint. Default `https://events.pagerduty.com/v2/enqueue`. */
  url?: string;
  /** `payload.source`. Default `switchyard`. */
  source?: string;
  /** Default: `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** Triggers a PagerDuty incident (Events API v2); the alert id is the `dedup_key`, so repeats fold into one. */
export function pagerDutyChannel(options: PagerDutyChannelOptions): AlertChannel {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = options.url ?? 'https://events.pagerduty.com/v2/enqueue';
  return {
    type: 'pagerduty',
    send: (alert, signal) =>
      postJson(
        'pagerduty',
        fetchFn,
        url,
        {
          routing_key: options.routingKey,
          event_action: 'trigger',
          dedup_key: alert.id,
          payload: {
            summary: formatAlertText(alert).slice(0, 1024),
            source: options.source ?? 'switchyard',
            severity: alert.severity,
            timestamp: alert.timestamp,
            component: 'spend',
            group: alert.rule,
            class: alert.type,
            custom_details: alert,
          },
        },
        signal,
      ),
  };
}
