import { safeParseJson } from '@switchyard/core';
import { decodeBase64 } from '../internal/decode-base64.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';
import type { RecordedChunk, RecordedChunks } from './recorded-chunks.js';

const encoder = new TextEncoder();
const CHUNK_LINE = /^(\d+) (.*)$/;
const ERROR_LINE = /^error (.*)$/;

const readJsonString = (text: string, fail: (reason: string) => never): string => {
  const parsed = safeParseJson(text);
  return parsed.success && typeof parsed.value === 'string' ? parsed.value : fail('expected a JSON string');
};

/** Reads a `.chunks.txt` file back into chunks; any malformed line is an `InvalidCassetteError` naming it. */
export function parseChunksFile(text: string, file: string): RecordedChunks {
  const chunks: Array<RecordedChunk> = [];
  let error: string | undefined;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    const fail = (reason: string): never => {
      throw new InvalidCassetteError(file, `line ${index + 1}: ${reason}.`);
    };
    if (line.startsWith('#')) return;
    if (error !== undefined) fail('nothing may follow the `error` line');
    const errorLine = ERROR_LINE.exec(line);
    if (errorLine !== null) {
      error = readJsonString(errorLine[1] ?? '', fail);
      return;
    }
    const match = CHUNK_LINE.exec(line) ?? fail('expected `<delay ms> <JSON string | base64:…>`');
    const payload = match[2] ?? '';
    let bytes: Uint8Array;
    if (payload.startsWith('base64:')) {
      try {
        bytes = decodeBase64(payload.slice('base64:'.length));
      } catch {
        bytes = fail('invalid base64');
      }
    } else {
      bytes = encoder.encode(readJsonString(payload, fail));
    }
    chunks.push({ delayMs: Number(match[1]), bytes });
  });
  return error === undefined ? { chunks } : { chunks, error };
}
