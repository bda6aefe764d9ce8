/** A schema with zod's `safeParse` (zod 3 and 4, valibot adapters…), used without depending on zod. */
export interface SafeParseSchema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
  };
}

export const isSafeParseSchema = (value: unknown): value is SafeParseSchema =>
  typeof value === 'object' &&
  value !== null &&
  'safeParse' in value &&
  typeof value.safeParse === 'function';
