import { APIConnectionError, type EmbedResult } from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord, readString } from '../shared/json-readers.js';

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed embeddings response: ${reason}.`, { provider });

/** The SDK decodes base64 embeddings into a Float32Array; servers that ignore base64 send arrays. */
const readVector = (value: unknown): Array<number> | undefined => {
  if (value instanceof Float32Array || value instanceof Float64Array) return Array.from(value);
  if (!Array.isArray(value)) return undefined;
  const vector = value.filter((entry): entry is number => typeof entry === 'number');
  return vector.length === value.length ? vector : undefined;
};

/** Converts an embeddings response of unknown shape; vectors come back in input order. */
export function convertOpenAIEmbeddingResponse(
  response: unknown,
  provider: string,
): Omit<EmbedResult, 'warnings'> {
  if (!isRecord(response)) throw malformed(provider, 'the body is not a JSON object');
  const data = readArray(response, 'data');
  if (data === undefined) throw malformed(provider, 'it has no data');
  const entries = data.map((entry, position) => {
    const embedding = isRecord(entry) ? readVector(entry.embedding) : undefined;
    if (!isRecord(entry) || embedding === undefined)
      throw malformed(provider, `entry ${position} has no embedding`);
    return { index: readNumber(entry, 'index') ?? position, embedding };
  });
  entries.sort((a, b) => a.index - b.index);
  const usage = readRecord(response, 'usage');
  const promptTokens = usage === undefined ? undefined : readNumber(usage, 'prompt_tokens');
  const model = readString(response, 'model');
  return {
    embeddings: entries.map((entry) => entry.embedding),
    ...(usage === undefined || promptTokens === undefined
      ? {}
      : {
          usage: {
            prompt_tokens: promptTokens,
            total_tokens: readNumber(usage, 'total_tokens') ?? promptTokens,
          },
        }),
    ...(model === undefined ? {} : { model }),
  };
}
