import { type ServerSentEvent, SSEDecoder, safeParseJson } from '@switchyard/core';
import OpenAI from 'openai';
import { isRecord } from '../shared/json-readers.js';

/** The chunks of a streamed chat completion, parsed but not trusted, read from the body on demand. */
export interface OpenAIChunks extends AsyncIterableIterator<unknown> {
  /** Stops reading: cancels the body, which also ends a read waiting on a stalled network. */
  cancel(): void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** An error payload as `APIError` takes it: openai-node passes `null` on, which it reads as no body. */
const errorBody = (value: unknown): NonNullable<unknown> | undefined =>
  value === null || value === undefined ? undefined : value;

/**
 * Reads a Chat Completions event stream the way openai-node's `Stream` reads it, so every failure
 * reaches `mapOpenAIError` as the same error: `data: [DONE]` ends the stream (later bytes are ignored),
 * an event that is not JSON throws a `SyntaxError`, and an `error` event or a payload with a truthy
 * `error` throws an `APIError` without a status. Once `signal` has aborted the iteration ends quietly:
 * the caller tells an abort from a complete answer by its own signal.
 */
class OpenAIChunkReader implements OpenAIChunks {
  private readonly decoder = new SSEDecoder();
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private events: Array<ServerSentEvent> = [];
  private position = 0;
  /** The body has ended; only `events` are left. */
  private ended = false;
  private closed = false;

  constructor(
    private readonly response: Response,
    private readonly signal: AbortSignal,
    private readonly onClose: () => void,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<unknown>> {
    for (;;) {
      if (this.closed || this.signal.aborted) return this.close();
      const event = this.events[this.position];
      if (event !== undefined) {
        this.position += 1;
        if (event.data === '[DONE]') return this.close();
        return { done: false, value: this.parse(event) };
      }
      if (this.ended) return this.close();
      await this.read();
    }
  }

  async return(): Promise<IteratorResult<unknown>> {
    return this.close();
  }

  cancel(): void {
    const cancelled = this.reader === undefined ? this.response.body?.cancel() : this.reader.cancel();
    cancelled?.catch(() => {});
  }

  private async read(): Promise<void> {
    if (this.reader === undefined) {
      if (this.response.body === null)
        this.fail(new Error('Attempted to iterate over a response with no body'));
      this.reader = this.response.body.getReader();
    }
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.reader.read();
    } catch (error) {
      // An abort errors the body; `next` then ends quietly.
      if (this.signal.aborted) return;
      this.fail(error);
    }
    this.events = result.done ? this.decoder.flush() : this.decoder.decode(result.value);
    this.position = 0;
    if (result.done) this.ended = true;
  }

  private parse(event: ServerSentEvent): unknown {
    const parsed = safeParseJson(event.data);
    if (!parsed.success) {
      this.fail(new SyntaxError('Error reading response: malformed server-sent event JSON.'));
    }
    const data = parsed.value;
    if (event.event === 'error') {
      const error = isRecord(data) ? (data.error ?? data) : data;
      this.fail(new OpenAI.APIError(undefined, errorBody(error), undefined, this.response.headers));
    }
    if (isRecord(data) && data.error) {
      this.fail(new OpenAI.APIError(undefined, errorBody(data.error), undefined, this.response.headers));
    }
    return data;
  }

  private fail(error: unknown): never {
    this.close();
    throw error;
  }

  private close(): IteratorReturnResult<undefined> {
    if (!this.closed) {
      this.closed = true;
      // Frees the connection when the body has not ended (after `[DONE]`, a failure or an early return).
      if (!this.ended) this.cancel();
      this.onClose();
    }
    return DONE;
  }
}

/**
 * The chunks of a streamed Chat Completions response, decoded with core's `SSEDecoder` and pulled
 * from the body one read at a time, so back-pressure reaches the network. `onClose` runs once, when
 * the iteration ends for any reason.
 */
export function readOpenAIChunks(response: Response, signal: AbortSignal, onClose: () => void): OpenAIChunks {
  return new OpenAIChunkReader(response, signal, onClose);
}
