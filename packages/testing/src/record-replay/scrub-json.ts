import { isRecord } from '../internal/is-record.js';
import type { JsonValue } from '../internal/json-value.js';
import { REDACTED } from './redaction-defaults.js';
import type { SecretCollector } from './secret-collector.js';

/** A copy of `value` with every known secret replaced in every string it contains. */
export function scrubJson(value: JsonValue, secrets: SecretCollector): JsonValue {
  if (typeof value === 'string') return secrets.scrub(value, REDACTED);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, secrets));
  if (isRecord(value)) {
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: scrubJson(item, secrets),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}
