import { APIConnectionError, safeParseJson } from '@switchyard/core';
import { isRecord, readArray, readNumber } from '../shared/json-readers.js';

export interface TitanEmbedding {
  embedding: Array<number>;
  /** `inputTextTokenCount`, when the model reports it. */
  tokens: number | undefined;
}

/** Reads a Titan InvokeModel response body (`{ embedding, inputTextTokenCount, embeddingsByType }`). */
export function convertTitanEmbeddingResponse(
  body: Uint8Array | undefined,
  provider: string,
): TitanEmbedding {
  const malformed = (reason: string) =>
    new APIConnectionError(`${provider} returned a malformed embedding response: ${reason}.`, { provider });
  if (body === undefined) throw malformed('it has no body');
  const parsed = safeParseJson(new TextDecoder().decode(body));
  if (!parsed.success) throw malformed('it is not JSON');
  if (!isRecord(parsed.value)) throw malformed('it is not a JSON object');
  const values = readArray(parsed.value, 'embedding');
  const embedding = values?.filter((value): value is number => typeof value === 'number');
  if (embedding === undefined || embedding.length !== values?.length || embedding.length === 0) {
    throw malformed('it has no embedding');
  }
  return { embedding, tokens: readNumber(parsed.value, 'inputTextTokenCount') };
}
