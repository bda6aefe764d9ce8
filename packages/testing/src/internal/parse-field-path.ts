/** One step of a field path: an object key, an array index, or `*` (every key or element). */
export type FieldPathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'any' };

const KEY = /^[^.[\]]+/;
const BRACKET = /^\[(\d+|\*)\]/;

/**
 * Parses `messages[0].content`, `messages[*].name`, `headers.*` into segments. Throws a `TypeError`
 * naming the option and the offending path, so a typo fails when the option is read, not silently later.
 */
export function parseFieldPath(path: string, option: string): Array<FieldPathSegment> {
  const fail = (): never => {
    throw new TypeError(
      `${option}: '${path}' is not a field path; use keys joined by '.', with [n] or [*] for array elements (e.g. 'messages[*].content').`,
    );
  };
  const segments: Array<FieldPathSegment> = [];
  let rest = path;
  while (rest.length > 0) {
    const bracket = BRACKET.exec(rest);
    if (bracket !== null && segments.length > 0) {
      const value = bracket[1] ?? fail();
      segments.push(value === '*' ? { kind: 'any' } : { kind: 'index', index: Number(value) });
      rest = rest.slice(bracket[0].length);
      continue;
    }
    if (segments.length > 0) {
      if (!rest.startsWith('.')) fail();
      rest = rest.slice(1);
    }
    const key = KEY.exec(rest)?.[0] ?? fail();
    segments.push(key === '*' ? { kind: 'any' } : { kind: 'key', key });
    rest = rest.slice(key.length);
  }
  if (segments.length === 0) fail();
  return segments;
}
