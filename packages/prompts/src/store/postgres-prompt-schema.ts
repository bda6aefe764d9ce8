import { InvalidConfigError } from '@switchyard/core';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** Table names and the idempotent DDL for them, so every replica may run it. */
export function postgresPromptSchema(table: string): {
  versions: string;
  labels: string;
  ddl: Array<string>;
} {
  if (!IDENTIFIER.test(table)) {
    throw new InvalidConfigError(
      `postgresPromptStore: table '${table}' must be a plain or schema-qualified identifier.`,
    );
  }
  const labels = `${table}_labels`;
  return {
    versions: table,
    labels,
    ddl: [
      `CREATE TABLE IF NOT EXISTS ${table} (
        name text NOT NULL,
        version text NOT NULL,
        body text NOT NULL,
        deployed_at text NOT NULL,
        PRIMARY KEY (name, version)
      )`,
      `CREATE TABLE IF NOT EXISTS ${labels} (
        name text NOT NULL,
        label text NOT NULL,
        version text NOT NULL,
        updated_at text NOT NULL,
        PRIMARY KEY (name, label),
        FOREIGN KEY (name, version) REFERENCES ${table} (name, version)
      )`,
    ],
  };
}
