import { isRecord } from './is-record.js';
import type { JsonValue } from './json-value.js';
import type { FieldPathSegment } from './parse-field-path.js';

/** What to do with each value a path reaches: drop it, or replace it with `replacement`. */
export type FieldEdit = { action: 'remove' } | { action: 'replace'; replacement: JsonValue };

const childKeys = (value: JsonValue, segment: FieldPathSegment): Array<string | number> => {
  if (Array.isArray(value)) {
    if (segment.kind === 'any') return value.map((_, index) => index);
    return segment.kind === 'index' && segment.index < value.length ? [segment.index] : [];
  }
  if (!isRecord(value)) return [];
  if (segment.kind === 'any') return Object.keys(value);
  return segment.kind === 'key' && Object.hasOwn(value, segment.key) ? [segment.key] : [];
};

/**
 * Applies `edit` in place to every value `segments` reach inside `root` (a fresh copy the caller owns).
 * Paths that reach nothing are ignored: a cassette without a `user` field has nothing to redact.
 */
export function editFieldPath(
  root: JsonValue,
  segments: ReadonlyArray<FieldPathSegment>,
  edit: FieldEdit,
): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  // Remove from the end, so removing array elements does not shift the ones still to visit.
  for (const key of childKeys(root, segment).reverse()) {
    if (rest.length > 0) {
      const child = Array.isArray(root) ? root[Number(key)] : isRecord(root) ? root[String(key)] : undefined;
      if (child !== undefined) editFieldPath(child, rest, edit);
    } else if (Array.isArray(root)) {
      if (edit.action === 'remove') root.splice(Number(key), 1);
      else root[Number(key)] = edit.replacement;
    } else if (isRecord(root)) {
      if (edit.action === 'remove') delete root[String(key)];
      else root[String(key)] = edit.replacement;
    }
  }
}
