/**
 * Memoises a string function for values that repeat (model and route names), so scrubbing them on the
 * request path is a map lookup. Past `maxEntries` distinct values it computes without remembering.
 */
export function memoizeText(fn: (value: string) => string, maxEntries = 1_000): (value: string) => string {
  const memo = new Map<string, string>();
  return (value) => {
    const known = memo.get(value);
    if (known !== undefined) return known;
    const result = fn(value);
    if (memo.size < maxEntries) memo.set(value, result);
    return result;
  };
}
