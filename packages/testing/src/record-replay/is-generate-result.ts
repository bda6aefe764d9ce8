import type { GenerateResult } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';

const isChoice = (value: unknown): boolean =>
  isRecord(value) &&
  typeof value.index === 'number' &&
  (typeof value.text === 'string' || value.text === null) &&
  Array.isArray(value.toolCalls) &&
  isRecord(value.finishReason);

/** Whether a value read from a cassette has the shape of a `GenerateResult`. */
export function isGenerateResult(value: unknown): value is GenerateResult {
  return (
    isRecord(value) &&
    isRecord(value.response) &&
    Array.isArray(value.choices) &&
    value.choices.every(isChoice) &&
    Array.isArray(value.warnings) &&
    (value.usage === undefined || isRecord(value.usage))
  );
}
