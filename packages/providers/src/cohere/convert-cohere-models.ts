import type { ModelInfo } from '@switchyard/core';
import { isRecord, readArray, readString } from '../shared/json-readers.js';

/** Model names from one page of `GET /v1/models`; Cohere's models have no owner or creation time. */
export function convertCohereModels(page: unknown): Array<ModelInfo> {
  const models = isRecord(page) ? (readArray(page, 'models') ?? []) : [];
  return models.flatMap((model) => {
    const name = isRecord(model) ? readString(model, 'name') : undefined;
    return name === undefined ? [] : [{ id: name, ownedBy: 'cohere' }];
  });
}
