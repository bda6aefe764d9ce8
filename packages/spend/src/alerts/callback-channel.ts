import type { AlertChannel } from './alert-channel.js';
import type { SpendAlert } from './spend-alert.js';

/** Calls a function with each alert; a rejection counts as a failed delivery and is retried. */
export function callbackChannel(callback: (alert: SpendAlert) => void | Promise<void>): AlertChannel {
  return {
    type: 'callback',
    send: async (alert) => {
      await callback(alert);
    },
  };
}
