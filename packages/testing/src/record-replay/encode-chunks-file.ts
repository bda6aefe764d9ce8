import { decodeUtf8Exactly } from '../internal/decode-utf8-exactly.js';
import { encodeBase64 } from '../internal/encode-base64.js';
import type { RecordedChunks } from './recorded-chunks.js';

export const CHUNKS_FILE_HEADER =
  '# switchyard chunks v1: one chunk per line, `<ms after the previous chunk> <JSON string | base64:…>`; `error <JSON string>` ends a failed body';

/**
 * The `.chunks.txt` text of a streamed body: one line per chunk, so chunk boundaries are kept exactly
 * and a re-recording diffs line by line. Text chunks are JSON strings (newlines escaped, readable);
 * chunks that are not UTF-8 on their own (binary event streams, a split multi-byte character) are base64.
 */
export function encodeChunksFile(recorded: RecordedChunks): string {
  const lines = [CHUNKS_FILE_HEADER];
  for (const chunk of recorded.chunks) {
    const text = decodeUtf8Exactly(chunk.bytes);
    const payload = text === undefined ? `base64:${encodeBase64(chunk.bytes)}` : JSON.stringify(text);
    lines.push(`${Math.max(0, Math.round(chunk.delayMs))} ${payload}`);
  }
  if (recorded.error !== undefined) lines.push(`error ${JSON.stringify(recorded.error)}`);
  return `${lines.join('\n')}\n`;
}
