import { InvalidConfigError } from '@switchyard/core';
import type { AlertChannel } from '../alerts/alert-channel.js';
import { callbackChannel } from '../alerts/callback-channel.js';
import { emailChannel } from '../alerts/email-channel.js';
import { pagerDutyChannel } from '../alerts/pagerduty-channel.js';
import { webhookChannel } from '../alerts/webhook-channel.js';
import { isRecord } from '../internal/is-record.js';
import type { AlertsConfigContext } from './alerts-config.js';

const requireString = (config: Record<string, unknown>, key: string, path: string): string => {
  const value = config[key];
  if (typeof value !== 'string' || value === '')
    throw new InvalidConfigError(`${path}.${key} must be a non-empty string.`);
  return value;
};

const optionalString = (config: Record<string, unknown>, key: string, path: string): string | undefined =>
  config[key] === undefined ? undefined : requireString(config, key, path);

/** One entry of a rule's `channels` list: `{ type: webhook | email | pagerduty | callback, … }`. */
export function channelFromConfig(value: unknown, path: string, context: AlertsConfigContext): AlertChannel {
  if (!isRecord(value)) throw new InvalidConfigError(`${path} must be a mapping with a type.`);
  const type = requireString(value, 'type', path);
  const fetchOption = context.fetch === undefined ? {} : { fetch: context.fetch };
  switch (type) {
    case 'webhook':
      return webhookChannel({ url: requireString(value, 'url', path), ...fetchOption });
    case 'email': {
      const to = optionalString(value, 'address', path) ?? optionalString(value, 'to', path);
      if (to === undefined) throw new InvalidConfigError(`${path}.address must be an email address.`);
      if (context.smtp === undefined) {
        throw new InvalidConfigError(
          `${path} is an email channel, but no SMTP server was given (context.smtp).`,
        );
      }
      const from = optionalString(value, 'from', path) ?? context.from;
      return emailChannel({ to, smtp: context.smtp, ...(from === undefined ? {} : { from }) });
    }
    case 'pagerduty': {
      const url = optionalString(value, 'url', path);
      return pagerDutyChannel({
        routingKey:
          optionalString(value, 'integration_key', path) ?? requireString(value, 'routing_key', path),
        ...(url === undefined ? {} : { url }),
        ...fetchOption,
      });
    }
    case 'callback': {
      const name = requireString(value, 'name', path);
      const callback = context.callbacks?.[name];
      if (callback === undefined)
        throw new InvalidConfigError(`${path} names callback '${name}', which was not given.`);
      return callbackChannel(callback);
    }
    default: {
      const custom = context.channels?.[type];
      if (custom === undefined) {
        throw new InvalidConfigError(`${path}.type '${type}' is not webhook, email, pagerduty or callback.`);
      }
      return custom(value);
    }
  }
}
