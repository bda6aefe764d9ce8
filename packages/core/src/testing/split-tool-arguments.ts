import { splitTextIntoDeltas } from './split-text-into-deltas.js';

/** Without a `chunkSize`, arguments this short arrive in one delta; real providers batch tiny payloads too. */
const singleDeltaMaxLength = 4;

/**
 * Splits tool-call arguments into deltas of at most `chunkSize` code points (default about a third
 * of the arguments). Anything longer than a few characters arrives in at least two pieces, because
 * consumers that only handle one-delta arguments are the bug this mock exists to catch.
 */
export function splitToolArguments(args: string, chunkSize: number | undefined): Array<string> {
  if (args === '') return [];
  const length = Array.from(args).length;
  if (length <= singleDeltaMaxLength) return splitTextIntoDeltas(args, chunkSize ?? length);
  return splitTextIntoDeltas(args, Math.min(chunkSize ?? Math.ceil(length / 3), Math.ceil(length / 2)));
}
