import type { RedisCommandClient } from '@switchyard/core';

/** Any SQL client with a parameterised `query` (a `pg` Pool, PGlite…), as the stores take it. */
export interface SqlClient {
  query(text: string, params?: Array<unknown>): Promise<{ rows: Array<unknown> }>;
}

/** A shared store connection: what the stores use, plus what readiness and shutdown need. */
export interface StoreConnection<Client> {
  readonly client: Client;
  /** Resolves when the store answers; readiness (`/ready`) calls it. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Shared state for replicas: Redis for counters and cache entries, PostgreSQL for the ledger and logs. */
export interface StorageClients {
  redis?: StoreConnection<RedisCommandClient>;
  sql?: StoreConnection<SqlClient>;
}
