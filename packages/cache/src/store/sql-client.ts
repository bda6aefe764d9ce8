/** Any SQL client with a parameterised `query`: a `pg` Pool or Client, PGlite, or a wrapper of your own. */
export interface SqlClient {
  query(text: string, params?: Array<unknown>): Promise<{ rows: Array<unknown> }>;
}

/** Numbers from SQL rows: `pg` returns bigint and numeric columns as strings. */
export const toNumber = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  return Number.NaN;
};
