/** True for non-null objects whose fields can be read (rows, parsed JSON). */
export const isRecordLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
