import { TimeoutError } from '../errors/gateway-errors.js';
import type { StreamPart } from '../provider/provider-adapter.js';
import type { ChatCompletionChunk, CompletionUsage } from '../types/chat-completion.js';
import type { SwitchyardMetadata } from '../types/switchyard-metadata.js';
import type { ChunkBuilder } from './chunk-builder.js';
import type { StartedStream } from './start-stream.js';

export interface ChunkStreamHooks {
  /** Emit the final `choices: []` usage chunk (the caller set `stream_options.include_usage`). */
  includeUsage: boolean;
  /** Called once with the provider's usage; returns it priced (`estimated_cost`) when possible. */
  onUsage(usage: CompletionUsage): CompletionUsage;
  /** The metadata attached to finish and usage chunks. */
  metadata(): SwitchyardMetadata;
  /** Maps a failure while streaming (abort, timeout, provider error) to the typed error to raise. */
  mapError(error: unknown): unknown;
  /** The caller stopped reading: abort the provider call too, not only its stream. */
  onCancel(reason: unknown): void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The provider's parts as OpenAI chunks, pulled on demand so back-pressure reaches the provider.
 * A plain async iterator rather than another `ReadableStream` layer: each layer costs a queue and
 * several promises per chunk, and the caller's `for await` is all that reads it.
 */
class ProviderChunkIterator implements AsyncIterableIterator<ChatCompletionChunk, undefined> {
  private position = 0;
  private finished = false;

  constructor(
    private readonly started: StartedStream,
    private readonly builder: ChunkBuilder,
    private readonly hooks: ChunkStreamHooks,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ChatCompletionChunk, undefined>> {
    if (this.finished) return DONE;
    try {
      for (;;) {
        const part = await this.nextPart();
        if (part === undefined) return this.end();
        if (part.type === 'error') throw part.error;
        const chunk = this.builder.next(part);
        if (chunk === undefined) continue;
        if (part.type === 'finish') chunk.switchyard = this.hooks.metadata();
        return { done: false, value: chunk };
      }
    } catch (error) {
      this.finished = true;
      this.started.reader.cancel(error).catch(() => {});
      throw this.hooks.mapError(error);
    }
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk, undefined>> {
    if (!this.finished) {
      this.finished = true;
      const reason = new Error('The caller stopped reading the stream.');
      this.hooks.onCancel(reason);
      await this.started.reader.cancel(reason).catch(() => {});
    }
    return DONE;
  }

  private nextPart(): StreamPart | undefined | Promise<StreamPart | undefined> {
    const { buffered, reader, idleTimeoutMs } = this.started;
    if (this.position < buffered.length) return buffered[this.position++];
    const read = reader.read().then((result) => (result.done ? undefined : result.value));
    return idleTimeoutMs === undefined ? read : withIdleTimeout(read, idleTimeoutMs);
  }

  private end(): IteratorResult<ChatCompletionChunk, undefined> {
    this.finished = true;
    const { builder, hooks } = this;
    const usage = builder.usage === undefined ? undefined : hooks.onUsage(builder.usage);
    if (usage !== undefined && hooks.includeUsage) {
      return { done: false, value: { ...builder.usageChunk(usage), switchyard: hooks.metadata() } };
    }
    return DONE;
  }
}

/** Rejects with `TimeoutError` when the provider sends nothing for `ms` between two parts. */
const withIdleTimeout = <T>(read: Promise<T>, ms: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms, { cause: 'idle' })), ms);
  });
  return Promise.race([read, idle]).finally(() => clearTimeout(timer));
};

/** Turns a started provider stream into the chunk iterator the pipeline passes around. */
export function chunkStream(
  started: StartedStream,
  builder: ChunkBuilder,
  hooks: ChunkStreamHooks,
): AsyncIterableIterator<ChatCompletionChunk, undefined> {
  return new ProviderChunkIterator(started, builder, hooks);
}
