/** Any SQL client with a parameterised `query`: a `pg` Pool or Client, PGlite, or a wrapper of your own. */
export interface SqlClient {
  query(text: string, params?: Array<unknown>): Promise<{ rows: Array<unknown> }>;
}
