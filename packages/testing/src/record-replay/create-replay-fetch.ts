import type { FetchFunction } from '@switchyard/core';
import { abortableSleep } from '../internal/abortable-sleep.js';
import { decodeBody } from './decode-body.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';
import type { RecordedChunks } from './recorded-chunks.js';
import type { ReplayExchange } from './replay-exchange.js';

export interface ReplayFetchOptions {
  exchanges: ReadonlyArray<ReplayExchange>;
  /** `recorded` waits each chunk's recorded delay; `instant` does not. */
  timing: 'instant' | 'recorded';
  /** The cassette, for error messages. */
  file: string;
}

export interface ReplayFetch {
  readonly fetch: FetchFunction;
  /** How many recorded exchanges have been served. */
  served(): number;
}

const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/** Plays recorded chunks one `enqueue` each, so the reader sees the recorded chunk boundaries. */
const replayChunks = (
  recorded: RecordedChunks,
  timing: ReplayFetchOptions['timing'],
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array<ArrayBuffer>> => {
  let next = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        if (signal?.aborted) throw abortError(signal);
        const chunk = recorded.chunks[next];
        if (chunk === undefined) {
          if (recorded.error === undefined) controller.close();
          // Undici reports a body cut short as a TypeError; so does the replay.
          else controller.error(new TypeError(recorded.error));
          return;
        }
        if (timing === 'recorded' && chunk.delayMs > 0) await abortableSleep(chunk.delayMs, signal);
        next += 1;
        controller.enqueue(chunk.bytes.slice());
      },
    },
    { highWaterMark: 0 },
  );
};

/**
 * A `fetch` that answers the adapter's requests, in order, with a cassette's recorded responses: the
 * same status, headers and body bytes, streamed bodies in the same chunks. Nothing touches the network.
 */
export function createReplayFetch(options: ReplayFetchOptions): ReplayFetch {
  let served = 0;
  const fetch: FetchFunction = async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    const entry = options.exchanges[served];
    if (entry === undefined) {
      const url = input instanceof Request ? input.url : String(input);
      throw new InvalidCassetteError(
        options.file,
        `the adapter made request ${served + 1} (${init?.method ?? 'GET'} ${url}), but the cassette recorded ${options.exchanges.length}; record it again.`,
      );
    }
    served += 1;
    const { exchange, chunks } = entry;
    if (exchange.response === undefined) throw new TypeError(exchange.error ?? 'fetch failed');
    const { status, statusText, headers } = exchange.response;
    const body =
      chunks === undefined ? decodeBody(exchange.response) : replayChunks(chunks, options.timing, signal);
    return new Response(body, { status, statusText, headers });
  };
  return { fetch, served: () => served };
}
