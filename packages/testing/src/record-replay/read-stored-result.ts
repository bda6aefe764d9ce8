import type { EmbedResult, GenerateResult, StreamPart, StreamResult, Warning } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import type { LoadedCassette } from './cassette-store.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';
import { isEmbedResult } from './is-embed-result.js';
import { isGenerateResult } from './is-generate-result.js';
import { isStreamPart } from './is-stream-part.js';
import { reviveError } from './revive-error.js';

export type StoredResult =
  | { type: 'generate'; value: GenerateResult }
  | { type: 'embed'; value: EmbedResult }
  | { type: 'stream'; value: StreamResult };

const revivePart = (value: unknown, provider: string, fail: (reason: string) => never): StreamPart => {
  if (!isStreamPart(value)) return fail(`result.parts has an invalid part: ${JSON.stringify(value)}.`);
  if (value.type !== 'error') return value;
  const error = value.error;
  return isRecord(error) && typeof error.name === 'string' && typeof error.message === 'string'
    ? { type: 'error', error: reviveError({ name: error.name, message: error.message }, provider) }
    : value;
};

const isWarning = (value: unknown): value is Warning =>
  isRecord(value) &&
  typeof value.message === 'string' &&
  (value.type === 'unsupported-setting' || value.type === 'other');

const partStream = (
  parts: ReadonlyArray<StreamPart>,
  failure: Error | undefined,
): ReadableStream<StreamPart> => {
  let next = 0;
  return new ReadableStream<StreamPart>(
    {
      pull(controller) {
        const part = parts[next];
        next += 1;
        if (part !== undefined) controller.enqueue(part);
        else if (failure === undefined) controller.close();
        else controller.error(failure);
      },
    },
    { highWaterMark: 0 },
  );
};

/**
 * The adapter's result straight from a cassette, for adapters that made no HTTP calls (a `mockProvider`,
 * an adapter with its own `fetch`): the stored result, stream parts or error, validated before use.
 */
export function readStoredResult(loaded: LoadedCassette, provider: string): StoredResult {
  const fail = (reason: string): never => {
    throw new InvalidCassetteError(loaded.file, reason);
  };
  const result = loaded.cassette.result;
  switch (result.type) {
    case 'error':
      throw reviveError(result.error, provider);
    case 'generate':
      return isGenerateResult(result.value)
        ? { type: 'generate', value: result.value }
        : fail('result.value is not a generate result.');
    case 'embed':
      return isEmbedResult(result.value)
        ? { type: 'embed', value: result.value }
        : fail('result.value is not an embed result.');
    case 'stream': {
      const parts = result.parts.map((part) => revivePart(part, provider, fail));
      const warnings: ReadonlyArray<unknown> = Array.isArray(result.warnings) ? result.warnings : [];
      const failure = result.error === undefined ? undefined : reviveError(result.error, provider);
      return {
        type: 'stream',
        value: { stream: partStream(parts, failure), warnings: warnings.filter(isWarning) },
      };
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}
