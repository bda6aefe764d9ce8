import { unrefTimer } from '../internal/unref-timer.js';
import type { LogSink } from './log-sink.js';
import type { RequestLogRecord } from './request-log-record.js';

export interface LogQueueOptions {
  /** Records waiting per sink; beyond it new records are dropped and counted. Default 10 000. */
  maxQueueSize?: number;
  /** Records per sink write. Default 200. */
  batchSize?: number;
  /** Longest wait before queued records are written, ms; also the retry delay after a failed write. Default 1 000. */
  flushIntervalMs?: number;
}

export interface SinkStats {
  sink: string;
  /** Records waiting to be written. */
  queued: number;
  written: number;
  /** Records dropped: queue full, a failed batch that no longer fit, or arriving after `close()`. */
  dropped: number;
  /** Sink writes that failed (their records are queued again and retried). */
  failedWrites: number;
}

/**
 * Keeps one sink's writes off the request path: `enqueue` is a synchronous push onto a bounded queue;
 * records are built (and redacted) and written in batches in the background. A failed batch goes back to
 * the front of the queue and is retried after `flushIntervalMs`.
 */
export class SinkWriter<T> {
  readonly sink: LogSink;
  private readonly build: (item: T) => RequestLogRecord;
  private readonly onError: (error: unknown) => void;
  private readonly maxQueueSize: number;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private queue: Array<T> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;
  private written = 0;
  private dropped = 0;
  private failedWrites = 0;

  constructor(
    sink: LogSink,
    build: (item: T) => RequestLogRecord,
    options: LogQueueOptions,
    onError: (error: unknown) => void,
  ) {
    this.sink = sink;
    this.build = build;
    this.onError = onError;
    this.maxQueueSize = Math.max(1, options.maxQueueSize ?? 10_000);
    this.batchSize = Math.max(1, options.batchSize ?? 200);
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
  }

  /** Queues an item; false when it was dropped. Never blocks and never throws. */
  enqueue(item: T): boolean {
    if (this.closed || this.queue.length >= this.maxQueueSize) {
      this.dropped++;
      return false;
    }
    this.queue.push(item);
    if (this.draining === undefined) {
      // A full batch need not wait for the interval; re-arm the timer once, not on every record.
      if (this.queue.length === this.batchSize) {
        this.clearTimer();
        this.schedule(0);
      } else if (this.timer === undefined) {
        this.schedule(this.flushIntervalMs);
      }
    }
    return true;
  }

  stats(): SinkStats {
    return {
      sink: this.sink.name,
      queued: this.queue.length,
      written: this.written,
      dropped: this.dropped,
      failedWrites: this.failedWrites,
    };
  }

  /** Writes everything queued; rejects with the sink's error when a write fails. */
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

  /** Stops accepting records, writes what is queued and closes the sink. */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.flush();
    } finally {
      await this.sink.close?.();
    }
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

  private async drain(): Promise<{ error: unknown } | undefined> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      try {
        await this.sink.write(this.buildBatch(batch));
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

  /** A record that cannot be built is dropped (and reported), not retried forever. */
  private buildBatch(batch: Array<T>): Array<RequestLogRecord> {
    const records: Array<RequestLogRecord> = [];
    for (const item of batch) {
      try {
        records.push(this.build(item));
      } catch (error) {
        this.dropped++;
        this.onError(error);
      }
    }
    return records;
  }

  private requeue(batch: Array<T>): void {
    const room = Math.max(0, this.maxQueueSize - this.queue.length);
    const kept = batch.slice(0, room);
    this.dropped += batch.length - kept.length;
    this.queue = kept.concat(this.queue);
  }
}
