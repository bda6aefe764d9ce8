/**
 * Readers for JSON of unknown shape. Provider responses are parsed field by field with these
 * instead of being trusted to match a type: OpenAI-compatible servers differ in what they omit.
 */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const readString = (record: Record<string, unknown>, key: string): string | undefined => {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
};

export const readNumber = (record: Record<string, unknown>, key: string): number | undefined => {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export const readRecord = (
  record: Record<string, unknown>,
  key: string,
): Record<string, unknown> | undefined => {
  const value = record[key];
  return isRecord(value) ? value : undefined;
};

export const readArray = (record: Record<string, unknown>, key: string): Array<unknown> | undefined => {
  const value = record[key];
  return Array.isArray(value) ? value : undefined;
};
