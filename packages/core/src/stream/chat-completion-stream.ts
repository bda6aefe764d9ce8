import type { ChatCompletionChunk } from '../types/chat-completion.js';
import type { SwitchyardMetadata } from '../types/switchyard-metadata.js';
import { toSSEStream } from './encode-sse.js';

const encoder = new TextEncoder();
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The value `create({ stream: true })` resolves to: an async iterable of OpenAI chunks, like
 * openai-node's `Stream`. Breaking out of the loop or calling `abort()` cancels the provider call.
 */
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  private readonly source: AsyncIterable<ChatCompletionChunk>;
  private readonly onClose: () => void;
  private readonly readMetadata: () => SwitchyardMetadata;
  private iterator: AsyncIterator<ChatCompletionChunk> | undefined;
  private closed = false;

  constructor(
    source: AsyncIterable<ChatCompletionChunk>,
    metadata: () => SwitchyardMetadata,
    onClose: () => void = () => {},
  ) {
    this.source = source;
    this.readMetadata = metadata;
    this.onClose = onClose;
  }

  /** Routing, attempts and cache status; `latencyMs` and `warnings` are final once the stream ended. */
  get switchyard(): SwitchyardMetadata {
    return this.readMetadata();
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk, undefined> {
    const iterator = this.take();
    return {
      next: async () => {
        try {
          const result = await iterator.next();
          if (result.done === true) {
            this.close();
            return DONE;
          }
          return result;
        } catch (error) {
          this.close();
          throw error;
        }
      },
      return: async () => {
        await this.cancel(iterator);
        return DONE;
      },
    };
  }

  /** The chunks as a web `ReadableStream`. */
  toChunkStream(): ReadableStream<ChatCompletionChunk> {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream<ChatCompletionChunk>(
      {
        async pull(controller) {
          const result = await iterator.next();
          if (result.done === true) controller.close();
          else controller.enqueue(result.value);
        },
        async cancel() {
          await iterator.return?.();
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** Newline-delimited JSON bytes, like openai-node's `Stream.toReadableStream()`. */
  toReadableStream(): ReadableStream<Uint8Array> {
    return this.toChunkStream().pipeThrough(
      new TransformStream<ChatCompletionChunk, Uint8Array>({
        transform: (chunk, controller) => controller.enqueue(encoder.encode(`${JSON.stringify(chunk)}\n`)),
      }),
    );
  }

  /** Server-sent events bytes ending in `data: [DONE]`, as OpenAI's HTTP API streams them. */
  toSSEStream(onError: (error: unknown) => unknown, signal?: AbortSignal): ReadableStream<Uint8Array> {
    return toSSEStream(this[Symbol.asyncIterator](), onError, signal);
  }

  /** Cancels the stream and the provider call behind it; a no-op once the stream has ended. */
  async abort(): Promise<void> {
    if (!this.closed) await this.cancel(this.iterator ?? this.take());
  }

  private async cancel(iterator: AsyncIterator<ChatCompletionChunk>): Promise<void> {
    try {
      if (!this.closed) await iterator.return?.();
    } finally {
      this.close();
    }
  }

  private take(): AsyncIterator<ChatCompletionChunk> {
    if (this.iterator !== undefined) {
      throw new Error('This stream was already consumed; a stream can be read once.');
    }
    this.iterator = this.source[Symbol.asyncIterator]();
    return this.iterator;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
