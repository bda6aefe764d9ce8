import type { EmbedResult } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';

const isVector = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'number');

/** Whether a value read from a cassette has the shape of an `EmbedResult`. */
export function isEmbedResult(value: unknown): value is EmbedResult {
  return (
    isRecord(value) &&
    Array.isArray(value.embeddings) &&
    value.embeddings.every(isVector) &&
    Array.isArray(value.warnings)
  );
}
