import type { ChatCompletionChunk } from '../types/chat-completion.js';
import type { SwitchyardMetadata } from '../types/switchyard-metadata.js';
import { toSSEStream } from './encode-sse.js';

const encoder = new TextEncoder();

/**
 * The value `create({ stream: true })` resolves to: an async iterable of OpenAI chunks, like
 * openai-node's `Stream`. Breaking out of the loop or calling `abort()` cancels the provider call.
 */
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  private readonly source: ReadableStream<ChatCompletionChunk>;
  private readonly onClose: () => void;
  private readonly readMetadata: () => SwitchyardMetadata;
  private reader: ReadableStreamDefaultReader<ChatCompletionChunk> | undefined;
  private closed = false;

  constructor(
    source: ReadableStream<ChatCompletionChunk>,
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

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    const reader = this.take();
    return {
      next: async () => {
        try {
          const result = await reader.read();
          if (result.done) this.close();
          return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
        } catch (error) {
          this.close();
          throw error;
        }
      },
      return: async () => {
        await reader.cancel();
        this.close();
        return { done: true, value: undefined };
      },
    };
  }

  /** The chunks as a web `ReadableStream`. */
  toChunkStream(): ReadableStream<ChatCompletionChunk> {
    const reader = this.take();
    return new ReadableStream<ChatCompletionChunk>(
      {
        pull: async (controller) => {
          try {
            const { done, value } = await reader.read();
            if (done) {
              this.close();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            this.close();
            controller.error(error);
          }
        },
        cancel: async (reason) => {
          await reader.cancel(reason);
          this.close();
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
    return toSSEStream(this.toChunkStream(), onError, signal);
  }

  /** Cancels the stream and the provider call behind it; a no-op once the stream has ended. */
  async abort(): Promise<void> {
    if (!this.closed) await (this.reader ?? this.take()).cancel(new Error('The stream was aborted.'));
    this.close();
  }

  private take(): ReadableStreamDefaultReader<ChatCompletionChunk> {
    if (this.reader !== undefined)
      throw new Error('This stream was already consumed; a stream can be read once.');
    this.reader = this.source.getReader();
    return this.reader;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
