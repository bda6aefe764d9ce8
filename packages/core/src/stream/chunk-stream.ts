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

/** The provider's parts as OpenAI chunks, pulled on demand so back-pressure reaches the provider. */
export function chunkStream(
  started: StartedStream,
  builder: ChunkBuilder,
  hooks: ChunkStreamHooks,
): ReadableStream<ChatCompletionChunk> {
  const { reader, buffered } = started;
  let position = 0;
  return new ReadableStream<ChatCompletionChunk>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const part = position < buffered.length ? buffered[position++] : await readNext(reader);
            if (part === undefined) {
              const usage = builder.usage === undefined ? undefined : hooks.onUsage(builder.usage);
              if (usage !== undefined && hooks.includeUsage) {
                controller.enqueue({ ...builder.usageChunk(usage), switchyard: hooks.metadata() });
              }
              controller.close();
              return;
            }
            if (part.type === 'error') throw part.error;
            const chunk = builder.next(part);
            if (chunk === undefined) continue;
            if (part.type === 'finish') chunk.switchyard = hooks.metadata();
            controller.enqueue(chunk);
            return;
          }
        } catch (error) {
          reader.cancel(error).catch(() => {});
          controller.error(hooks.mapError(error));
        }
      },
      cancel(reason) {
        hooks.onCancel(reason);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

const readNext = async <T>(reader: ReadableStreamDefaultReader<T>): Promise<T | undefined> => {
  const { done, value } = await reader.read();
  return done ? undefined : value;
};
