import { APIConnectionError, createAPIError, type ModelInfo, safeParseJson } from '@switchyard/core';
import type { FetchFunction } from '../openai-compatible/index.js';
import { isRecord, readNumber, readString } from '../shared/json-readers.js';

export interface ListTogetherModelsInput {
  baseURL: string;
  apiKey: string | undefined;
  headers: Record<string, string> | undefined;
  fetch: FetchFunction;
}

const toModelInfo = (model: unknown): ModelInfo | undefined => {
  if (!isRecord(model)) return undefined;
  const id = readString(model, 'id');
  if (id === undefined) return undefined;
  // Together names the owner `organization`; `owned_by` is OpenAI's field, kept for other deployments.
  const ownedBy = readString(model, 'organization') ?? readString(model, 'owned_by');
  const created = readNumber(model, 'created');
  return {
    id,
    ...(ownedBy === undefined ? {} : { ownedBy }),
    ...(created === undefined ? {} : { created }),
  };
};

/**
 * Together's `GET /models` answers with a bare JSON array, not OpenAI's `{ data: [...] }` page, so
 * the SDK's `models.list()` would read it as an empty list. This reads the array itself.
 */
export async function listTogetherModels(input: ListTogetherModelsInput): Promise<Array<ModelInfo>> {
  let response: Response;
  try {
    response = await input.fetch(`${input.baseURL.replace(/\/+$/, '')}/models`, {
      method: 'GET',
      headers: {
        accept: 'application/json',
        ...input.headers,
        ...(input.apiKey === undefined ? {} : { authorization: `Bearer ${input.apiKey}` }),
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new APIConnectionError(`Could not reach together: ${reason}`, {
      provider: 'together',
      cause: error,
    });
  }
  const text = await response.text();
  const parsed = safeParseJson(text);
  if (!response.ok) {
    throw createAPIError({
      status: response.status,
      body: parsed.success ? parsed.value : text,
      headers: response.headers,
      provider: 'together',
    });
  }
  if (!parsed.success || !Array.isArray(parsed.value)) {
    throw new APIConnectionError('together returned a malformed model list: it is not a JSON array.', {
      provider: 'together',
    });
  }
  return parsed.value.flatMap((model) => {
    const info = toModelInfo(model);
    return info === undefined ? [] : [info];
  });
}
