import type { StreamPart, StreamResult } from '../provider/provider-adapter.js';
import type { Warning } from '../types/switchyard-metadata.js';

/** A provider stream that has produced its first content-bearing part (or ended). */
export interface StartedStream {
  readonly reader: ReadableStreamDefaultReader<StreamPart>;
  /** Parts read while waiting for content; replayed before the rest of the stream. */
  readonly buffered: Array<StreamPart>;
  readonly warnings: ReadonlyArray<Warning>;
  /** Milliseconds allowed between two parts once streaming (the target's `idleTimeout`). */
  readonly idleTimeoutMs: number | undefined;
}

const isContent = (part: StreamPart): boolean =>
  part.type !== 'response-metadata' && part.type !== 'raw' && part.type !== 'usage';

/**
 * Reads a provider stream until its first content-bearing part. An error before that point rejects,
 * so the router may still retry or fall back; after it, the stream is committed to the caller.
 */
export async function startStream(result: StreamResult, idleTimeoutMs?: number): Promise<StartedStream> {
  const reader = result.stream.getReader();
  const buffered: Array<StreamPart> = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.type === 'error') throw value.error;
      buffered.push(value);
      if (isContent(value)) break;
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  }
  return { reader, buffered, warnings: result.warnings, idleTimeoutMs };
}
