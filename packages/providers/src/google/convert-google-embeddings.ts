import { APIConnectionError } from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord } from '../shared/json-readers.js';

export interface GoogleEmbeddings {
  embeddings: Array<Array<number>>;
  /** Input tokens, when Google reports them (Vertex AI does per embedding; the Gemini API may not). */
  promptTokens: number | undefined;
}

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed embedding response: ${reason}.`, { provider });

/** Reads an `EmbedContentResponse` of unknown shape: `embeddings[].values` and any token counts. */
export function convertGoogleEmbeddings(response: unknown, provider: string): GoogleEmbeddings {
  if (!isRecord(response)) throw malformed(provider, 'the body is not a JSON object');
  const items = readArray(response, 'embeddings');
  if (items === undefined) throw malformed(provider, 'it has no embeddings');
  let counted: number | undefined;
  const embeddings = items.map((item) => {
    const values = isRecord(item) ? readArray(item, 'values') : undefined;
    if (values === undefined || !values.every((value) => typeof value === 'number')) {
      throw malformed(provider, 'an embedding has no numeric values');
    }
    const statistics = isRecord(item) ? readRecord(item, 'statistics') : undefined;
    const tokens = statistics === undefined ? undefined : readNumber(statistics, 'tokenCount');
    if (tokens !== undefined) counted = (counted ?? 0) + tokens;
    return values.filter((value): value is number => typeof value === 'number');
  });
  const usage = readRecord(response, 'usageMetadata');
  const promptTokens = (usage === undefined ? undefined : readNumber(usage, 'promptTokenCount')) ?? counted;
  return { embeddings, promptTokens };
}
