import { unrefTimer } from '../internal/unref-timer.js';
import type { LedgerRecord } from './ledger-record.js';
import type { LedgerStore } from './ledger-store.js';

export interface LedgerQueueOptions {
  /** Records waiting to be written; beyond it new records are dropped and counted. Default 10 000. */
  maxQueueSize?: number;
  /** Records per store write. Default 500. */
  batchSize?: number;
  /** Longest wait before queued records are written, ms. Also the retry delay after a failed write. Default 1000. */
  flushIntervalMs?: number;
}

export interface LedgerWriterStats {
  /** Records waiting to be written. */
  queued: number;
  written: number;
  /** Records dropped because the queue was full (or arrived after `close()`). */
  dropped: number;
  /** Store writes that failed (their records stay queued and are retried). */
  failedWrites: number;
}

/**
 * Takes ledger records off the request path: `enqueue` is a synchronous push onto a bounded queue;
 * batches are written in the background. A failed batch goes back to the front of the queue and is
 * retried; `flush()` writes everything queued (and rejects if the store keeps failing); `close()` flushes
 * and stops accepting records, so a clean shutdown loses nothing.
 */
export class LedgerWriter {
  private readonly store: LedgerStore;
  private readonly maxQueueSize: number;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly onError: (error: unknown) => void;
  private queue: Array<LedgerRecord> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;
  private written = 0;
  private dropped = 0;
  private failedWrites = 0;

  constructor(store: LedgerStore, options: LedgerQueueOptions, onError: (error: unknown) => void) {
    this.store = store;
    this.maxQueueSize = options.maxQueueSize ?? 10_000;
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.onError = onError;
  }

  /** Queues a record; false when it was dropped (queue full or writer closed). */
  enqueue(record: LedgerRecord): boolean {
    if (this.closed || this.queue.length >= this.maxQueueSize) {
      this.dropped++;
      return false;
    }
    this.queue.push(record);
    if (this.queue.length === this.batchSize && this.draining === undefined) {
      // A full batch need not wait for the interval.
      this.clearTimer();
      this.schedule(0);
    } else if (this.timer === undefined && this.draining === undefined) {
      this.schedule(this.flushIntervalMs);
    }
    return true;
  }

  stats(): LedgerWriterStats {
    return {
      queued: this.queue.length,
      written: this.written,
      dropped: this.dropped,
      failedWrites: this.failedWrites,
    };
  }

  /** Writes every queued record; rejects with the store's error when a write fails. */
  async flush(): Promise<void> {
    this.clearTimer();
    for (;;) {
      if (this.draining !== undefined) {
        await this.draining;
        continue;
      }
      if (this.queue.length === 0) return;
      const failure = await this.runDrain();
      if (failure !== undefined) throw failure.error;
    }
  }

  /** Stops accepting records and flushes the queue. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.draining !== undefined) return;
      this.runDrain().then((failure) => {
        // After a failure retry later; otherwise pick up what arrived while writing.
        if (this.queue.length > 0 && this.timer === undefined && this.draining === undefined) {
          this.schedule(failure === undefined ? 0 : this.flushIntervalMs);
        }
      });
    }, delayMs);
    unrefTimer(this.timer);
  }

  /** One drain at a time; `draining` settles (never rejects) when it is done. */
  private runDrain(): Promise<{ error: unknown } | undefined> {
    const run = this.drain();
    this.draining = run.then(() => {
      this.draining = undefined;
    });
    return run;
  }

  /** Writes batches until the queue is empty; returns the error of a failed batch, which is requeued. */
  private async drain(): Promise<{ error: unknown } | undefined> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      try {
        await this.store.write(batch);
        this.written += batch.length;
      } catch (error) {
        this.failedWrites++;
        this.requeue(batch);
        this.onError(error);
        return { error };
      }
    }
    return undefined;
  }

  private requeue(batch: Array<LedgerRecord>): void {
    const room = Math.max(0, this.maxQueueSize - this.queue.length);
    const kept = batch.slice(0, room);
    this.dropped += batch.length - kept.length;
    this.queue = kept.concat(this.queue);
  }
}
