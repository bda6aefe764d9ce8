/**
 * A finite number from a stored or parsed value: numbers as they are, numeric strings (PostgreSQL
 * returns `numeric` and `bigint` as strings) parsed; anything else is undefined.
 */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}
