import { retryDelay } from '@switchyard/core';
import type { AlertChannel } from './alert-channel.js';
import { AlertDeliveryError } from './alert-delivery-error.js';
import type { SpendAlert } from './spend-alert.js';

export interface AlertDeliveryOptions {
  /** Retries per channel after a failed delivery. Default 3. */
  retries?: number;
  /** First backoff, ms; doubles per retry, with full jitter. Default 1000. */
  baseDelayMs?: number;
  /** Longest backoff, ms. Default 30 000. */
  maxDelayMs?: number;
  /** Time limit for one delivery attempt, ms. Default 10 000. */
  timeoutMs?: number;
}

export interface AlertStats {
  /** Alerts raised (after deduplication). */
  raised: number;
  /** Alerts not sent again because their id (rule + period) was already raised. */
  deduplicated: number;
  /** Channel deliveries that succeeded / gave up after their retries. */
  delivered: number;
  failed: number;
}

const MAX_REMEMBERED_IDS = 10_000;

/**
 * Sends alerts to channels off the request path: each alert id at most once (ids name the rule and its
 * period, so "once per period"), every channel independently, retried with exponential backoff.
 */
export class AlertDispatcher {
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly raisedIds = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private readonly counts: AlertStats = { raised: 0, deduplicated: 0, delivered: 0, failed: 0 };
  /** Aborted by `close()`: backoff waits end early. */
  private readonly stop = new AbortController();

  constructor(options: AlertDeliveryOptions, onError: (error: unknown) => void) {
    this.retries = options.retries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.onError = onError;
  }

  /** Queues delivery of `alert` to `channels` unless an alert with its id was raised before. */
  raise(alert: SpendAlert, channels: ReadonlyArray<AlertChannel>): void {
    if (this.raisedIds.has(alert.id)) {
      this.counts.deduplicated++;
      return;
    }
    this.remember(alert.id);
    this.counts.raised++;
    for (const channel of channels) {
      const delivery = this.deliver(alert, channel).finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
  }

  stats(): AlertStats {
    return { ...this.counts };
  }

  /** Waits for every delivery in flight, retries included. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Like `flush`, but remaining retries go out at once instead of after their backoff. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.flush();
  }

  private remember(id: string): void {
    this.raisedIds.add(id);
    if (this.raisedIds.size > MAX_REMEMBERED_IDS) {
      const oldest = this.raisedIds.values().next().value;
      if (oldest !== undefined) this.raisedIds.delete(oldest);
    }
  }

  private async deliver(alert: SpendAlert, channel: AlertChannel): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await channel.send(alert, AbortSignal.timeout(this.timeoutMs));
        this.counts.delivered++;
        return;
      } catch (error) {
        const retryable = !AlertDeliveryError.isInstance(error) || error.isRetryable;
        if (!retryable || attempt >= this.retries) {
          this.counts.failed++;
          this.onError(error);
          return;
        }
        const delay = retryDelay({
          retry: attempt,
          baseDelayMs: this.baseDelayMs,
          maxDelayMs: this.maxDelayMs,
          retryAfterMs: undefined,
        });
        await this.wait(delay);
      }
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stop.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      const signal = this.stop.signal;
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
