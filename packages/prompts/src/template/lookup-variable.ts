import type { VariableLookup } from './render-template.js';

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toText = (value: unknown): VariableLookup => {
  if (value === undefined || value === null) return { ok: false, reason: 'missing' };
  if (typeof value === 'string') return { ok: true, text: value };
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return { ok: true, text: String(value) };
  }
  if (typeof value !== 'object') return { ok: false, reason: 'invalid' }; // functions, symbols
  // Structured values (lists, records) go into the prompt as JSON, the form models read best.
  try {
    // `toJSON` may return undefined, whatever the declared type says.
    const text: string | undefined = JSON.stringify(value);
    return text === undefined ? { ok: false, reason: 'invalid' } : { ok: true, text };
  } catch {
    return { ok: false, reason: 'invalid' }; // cycles, a bigint inside
  }
};

/**
 * The text for a `{{path}}` tag. Only own properties of plain objects are read, so `{{constructor}}` or
 * `{{__proto__}}` never reach the prototype chain: they are missing unless the caller passed them.
 */
export function lookupVariable(
  variables: Readonly<Record<string, unknown>>,
  keys: ReadonlyArray<string>,
): VariableLookup {
  let current: unknown = variables;
  for (const key of keys) {
    if (!isPlainRecord(current) || !Object.hasOwn(current, key)) return { ok: false, reason: 'missing' };
    current = current[key];
  }
  return toText(current);
}
