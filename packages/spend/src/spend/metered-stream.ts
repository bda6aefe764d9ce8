import { AbortError, type ChatCompletionChunk } from '@switchyard/core';
import type { RequestStatus } from '../ledger/ledger-record.js';

export interface StreamMeter {
  /** The final usage chunk is about to reach the caller (price it, add warnings). */
  onUsageChunk(chunk: ChatCompletionChunk): void;
  /** The stream ended, failed or was abandoned; called once. `delivered`: chunks the caller received. */
  onEnd(status: RequestStatus, delivered: number, error?: unknown): void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Passes a chunk stream through unchanged and reports how it ended: drained (`success`), failed
 * (`error`, or `cancelled` for an abort) or abandoned by the caller (`return()`, `cancelled`).
 */
export class MeteredStream implements AsyncIterableIterator<ChatCompletionChunk, undefined> {
  private readonly source: AsyncIterator<ChatCompletionChunk>;
  private readonly meter: StreamMeter;
  private ended = false;
  private delivered = 0;

  constructor(source: AsyncIterable<ChatCompletionChunk>, meter: StreamMeter) {
    this.source = source[Symbol.asyncIterator]();
    this.meter = meter;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ChatCompletionChunk, undefined>> {
    let result: IteratorResult<ChatCompletionChunk>;
    try {
      result = await this.source.next();
    } catch (error) {
      this.end(AbortError.isInstance(error) ? 'cancelled' : 'error', error);
      throw error;
    }
    if (result.done === true) {
      this.end('success');
      return DONE;
    }
    this.delivered++;
    if (result.value.usage !== undefined && result.value.usage !== null)
      this.meter.onUsageChunk(result.value);
    return result;
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk, undefined>> {
    this.end('cancelled');
    await this.source.return?.();
    return DONE;
  }

  private end(status: RequestStatus, error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.meter.onEnd(status, this.delivered, error);
  }
}
