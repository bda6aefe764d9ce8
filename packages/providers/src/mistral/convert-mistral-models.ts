import type { ModelList } from '@mistralai/mistralai/models/components';
import type { ModelInfo } from '@switchyard/core';
import { isRecord, readNumber, readString } from '../shared/json-readers.js';

/** Model cards from `GET /v1/models`; cards of a type the SDK does not know are read field by field. */
export function convertMistralModels(list: ModelList): Array<ModelInfo> {
  const models: Array<ModelInfo> = [];
  for (const card of list.data ?? []) {
    const value: unknown = card;
    if (!isRecord(value)) continue;
    const id = readString(value, 'id');
    if (id === undefined) continue;
    const ownedBy = readString(value, 'ownedBy');
    const created = readNumber(value, 'created');
    models.push({
      id,
      ...(ownedBy === undefined ? {} : { ownedBy }),
      ...(created === undefined ? {} : { created }),
    });
  }
  return models;
}
