import { decodeUtf8Exactly } from '../internal/decode-utf8-exactly.js';
import type { RecordedChunks } from './recorded-chunks.js';
import { REDACTED } from './redaction-defaults.js';
import type { SecretCollector } from './secret-collector.js';

const encoder = new TextEncoder();

/**
 * The chunks with known secrets replaced inside text chunks (a provider may echo a key in an SSE error
 * event). Chunk boundaries and timing stay as recorded; only the bytes of an affected chunk change.
 */
export function scrubChunks(recorded: RecordedChunks, secrets: SecretCollector): RecordedChunks {
  const chunks = recorded.chunks.map((chunk) => {
    const text = decodeUtf8Exactly(chunk.bytes);
    if (text === undefined || !secrets.includesSecret(text)) return chunk;
    return { delayMs: chunk.delayMs, bytes: encoder.encode(secrets.scrub(text, REDACTED)) };
  });
  return recorded.error === undefined
    ? { chunks }
    : { chunks, error: secrets.scrub(recorded.error, REDACTED) };
}
