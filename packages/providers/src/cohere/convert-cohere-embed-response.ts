import { APIConnectionError, type EmbedResult } from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord } from '../shared/json-readers.js';

const isVector = (value: unknown): value is Array<number> =>
  Array.isArray(value) && value.every((item) => typeof item === 'number');

/** Float vectors in input order, with the billed input tokens as usage. */
export function convertCohereEmbedResponse(
  response: unknown,
  provider: string,
): Omit<EmbedResult, 'warnings'> {
  const embeddings = isRecord(response) ? readRecord(response, 'embeddings') : undefined;
  const vectors = embeddings === undefined ? undefined : readArray(embeddings, 'float');
  if (!isRecord(response) || vectors === undefined || !vectors.every(isVector)) {
    throw new APIConnectionError(
      `${provider} returned a malformed embed response: it has no float embeddings.`,
      {
        provider,
      },
    );
  }
  const billed = readRecord(readRecord(response, 'meta') ?? {}, 'billedUnits');
  const tokens = billed === undefined ? undefined : readNumber(billed, 'inputTokens');
  return {
    embeddings: vectors,
    ...(tokens === undefined ? {} : { usage: { prompt_tokens: tokens, total_tokens: tokens } }),
  };
}
