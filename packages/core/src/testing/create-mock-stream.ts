import type { StreamPart } from '../provider/provider-adapter.js';
import { abortableDelay } from './abortable-delay.js';
import { createAbortError } from './create-abort-error.js';
import { waitForAbort } from './wait-for-abort.js';

/** What happens after `afterParts` parts instead of the rest of the stream. */
export type MockStreamInterruption =
  | { kind: 'error'; afterParts: number; error: Error }
  | { kind: 'stall'; afterParts: number };

export interface CreateMockStreamOptions {
  parts: ReadonlyArray<StreamPart>;
  /** The call's signal: aborting it errors the stream with an `AbortError`. */
  signal: AbortSignal;
  chunkDelayMs: number;
  interruption?: MockStreamInterruption | undefined;
}

/**
 * Plays `parts` as a pull-based stream: nothing is produced ahead of the reader, so a slow consumer
 * sees the same back-pressure as with a real response body. Cancelling the stream or aborting the
 * call clears any pending timer and abort listener.
 */
export function createMockStream(options: CreateMockStreamOptions): ReadableStream<StreamPart> {
  const { parts, signal, chunkDelayMs, interruption } = options;
  // One signal for "stop now": the call's abort (whose reason becomes the AbortError's cause) or the
  // reader's cancel. Built by hand because `AbortSignal.any` is missing on some edge runtimes
  // (`@edge-runtime/vm` among them).
  const stop = new AbortController();
  const forwardAbort = (): void => stop.abort(signal.reason);
  signal.addEventListener('abort', forwardAbort, { once: true });
  const release = (): void => signal.removeEventListener('abort', forwardAbort);
  if (signal.aborted) forwardAbort();
  const interruptAt =
    interruption === undefined ? undefined : Math.min(interruption.afterParts, parts.length);
  let next = 0;
  let cancelled = false;

  return new ReadableStream<StreamPart>(
    {
      async pull(controller) {
        try {
          if (stop.signal.aborted) throw createAbortError(stop.signal);
          if (next > 0 && chunkDelayMs > 0) await abortableDelay(chunkDelayMs, stop.signal);
          if (interruption !== undefined && next === interruptAt) {
            if (interruption.kind === 'error') throw interruption.error;
            await waitForAbort(stop.signal);
          }
          const part = parts[next];
          if (part !== undefined) {
            controller.enqueue(part);
            next += 1;
          }
          if (next === parts.length && interruption === undefined) {
            release();
            controller.close();
          }
        } catch (error) {
          release();
          // After a cancel the reader is gone and the stream is already closed; nothing to report.
          if (!cancelled) controller.error(error);
        }
      },
      cancel(reason) {
        cancelled = true;
        release();
        stop.abort(reason);
      },
    },
    // Produce a part only when the reader asks for one; a queue would race ahead of the reader's abort.
    { highWaterMark: 0 },
  );
}
