import { InvalidConfigError } from '@switchyard/core';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** The DDL for the cache table; every statement is idempotent, so replicas may all run it. */
export function postgresSchema(table: string, dimensions: number | undefined): Array<string> {
  if (!IDENTIFIER.test(table)) {
    throw new InvalidConfigError(
      `postgresStore: table '${table}' must be a plain or schema-qualified identifier.`,
    );
  }
  if (dimensions !== undefined && (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000)) {
    throw new InvalidConfigError(
      `postgresStore: vector dimensions must be an integer in 1..16000, got ${dimensions}.`,
    );
  }
  const indexPrefix = table.replace('.', '_');
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${table} (
      key text PRIMARY KEY,
      namespace text NOT NULL,
      provider text NOT NULL,
      model text NOT NULL,
      prompt text NOT NULL,
      created_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      bytes integer NOT NULL,
      body text NOT NULL,
      partition text
    )`,
    `CREATE INDEX IF NOT EXISTS ${indexPrefix}_expires_at ON ${table} (expires_at)`,
    `CREATE INDEX IF NOT EXISTS ${indexPrefix}_created_at ON ${table} (created_at)`,
  ];
  if (dimensions !== undefined) {
    statements.unshift('CREATE EXTENSION IF NOT EXISTS vector');
    statements.push(
      `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS embedding vector(${dimensions})`,
      `CREATE INDEX IF NOT EXISTS ${indexPrefix}_partition ON ${table} (partition)`,
      `CREATE INDEX IF NOT EXISTS ${indexPrefix}_embedding ON ${table} USING hnsw (embedding vector_cosine_ops)`,
    );
  }
  return statements;
}
