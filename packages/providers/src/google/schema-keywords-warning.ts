import type { Warning } from '@switchyard/core';
import type { DroppedSchemaKeyword } from './convert-json-schema-to-google-schema.js';

/**
 * One warning naming every JSON Schema keyword removed from a schema, with where it was, e.g.
 * `additionalProperties (at /, /properties/address)`. Undefined when nothing was removed.
 */
export function schemaKeywordsWarning(
  setting: string,
  dropped: ReadonlyArray<DroppedSchemaKeyword>,
): Warning | undefined {
  if (dropped.length === 0) return undefined;
  const pathsByKeyword = new Map<string, Array<string>>();
  for (const { keyword, path } of dropped) {
    const paths = pathsByKeyword.get(keyword) ?? [];
    if (!paths.includes(path)) paths.push(path);
    pathsByKeyword.set(keyword, paths);
  }
  const listed = [...pathsByKeyword]
    .map(([keyword, paths]) => `${keyword} (at ${paths.join(', ')})`)
    .join('; ');
  return {
    type: 'unsupported-setting',
    setting,
    message: `Gemini's schema subset cannot take these JSON Schema keywords, so they were not sent: ${listed}.`,
  };
}
