import { editFieldPath } from '../internal/edit-field-path.js';
import type { JsonValue } from '../internal/json-value.js';
import type { FieldPathSegment } from '../internal/parse-field-path.js';
import { toJsonValue } from '../internal/to-json-value.js';
import type { CassetteKind } from './cassette.js';

/** What a call is matched on: the adapter method and the normalized request, minus ignored fields. */
export interface CanonicalRequest {
  kind: CassetteKind;
  request: JsonValue;
}

/** The canonical form of a call: a JSON copy of its request with the `ignore` paths removed. */
export function canonicalRequest(
  kind: CassetteKind,
  request: unknown,
  ignore: ReadonlyArray<ReadonlyArray<FieldPathSegment>>,
): CanonicalRequest {
  const copy = toJsonValue(request);
  for (const path of ignore) editFieldPath(copy, path, { action: 'remove' });
  return { kind, request: copy };
}
