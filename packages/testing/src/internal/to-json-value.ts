import { isRecord } from './is-record.js';
import type { JsonValue } from './json-value.js';

/**
 * A fresh copy of `value` as JSON would store it: `undefined` and functions dropped from objects
 * (`null` in arrays), non-finite numbers as `null`, bigints as strings, errors as `{ name, message }`.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined || typeof item === 'function' ? null : toJsonValue(item)));
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (isRecord(value)) {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol') {
        // defineProperty, so a `__proto__` key from parsed JSON stays a plain key instead of a prototype.
        Object.defineProperty(copy, key, {
          value: toJsonValue(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return copy;
  }
  return null;
}
