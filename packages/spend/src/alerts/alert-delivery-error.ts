import { SwitchyardError } from '@switchyard/core';

/** An alert channel could not deliver; `isRetryable` is false when trying again cannot help (a 400, a 404). */
export class AlertDeliveryError extends SwitchyardError {
  static override readonly errorName: string = 'AlertDeliveryError';
  readonly isRetryable: boolean;
  readonly channel: string;
  constructor(message: string, channel: string, isRetryable: boolean, options: { cause?: unknown } = {}) {
    super(message, options);
    this.channel = channel;
    this.isRetryable = isRetryable;
  }
}
