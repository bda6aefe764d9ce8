import { isRecordLike } from '../internal/is-record-like.js';

/**
 * JSON with object keys sorted at every depth, so two requests that differ only in key order give the
 * same text. Fields whose value is `undefined` (or a function) are dropped and such array items become
 * `null`, as `JSON.stringify` does. On the hot path of every cache lookup, hence the plain loops.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (index > 0) text += ',';
      text += item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item);
    }
    return `${text}]`;
  }
  if (!isRecordLike(value)) return JSON.stringify(value) ?? 'null';
  const keys = Object.keys(value).sort();
  let text = '{';
  for (const key of keys) {
    const field = value[key];
    if (field === undefined || typeof field === 'function') continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${text}}`;
}
