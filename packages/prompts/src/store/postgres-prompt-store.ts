import { InvalidConfigError, safeParseJson } from '@switchyard/core';
import { isRecord } from '../parse/is-record.js';
import { postgresPromptSchema } from './postgres-prompt-schema.js';
import type { PromptStore } from './prompt-store.js';
import type { SqlClient } from './sql-client.js';

export interface PostgresPromptStoreOptions {
  /**
   * Table for versions, optionally schema-qualified; labels go in `<table>_labels`. Both are created on
   * first use. Default `switchyard_prompts`.
   */
  table?: string;
}

const decodeBody = (row: unknown): unknown => {
  if (!isRecord(row) || typeof row.body !== 'string') {
    throw new InvalidConfigError('postgresPromptStore: a version row has no text `body` column.');
  }
  const parsed = safeParseJson(row.body);
  if (!parsed.success) {
    throw new InvalidConfigError(
      `postgresPromptStore: the stored body of ${String(row.name)}@${String(row.version)} is not JSON (${parsed.error.message}).`,
    );
  }
  return parsed.value;
};

/**
 * Versions and labels in PostgreSQL, shared by every replica. Takes any client with
 * `query(text, params) → { rows }`: a `pg` Pool, or PGlite (embedded, for a single server).
 * A version is one row written with `ON CONFLICT DO NOTHING`, so concurrent deploys cannot overwrite it;
 * a label row references its version, so it can never point at one that does not exist.
 */
export function postgresPromptStore(
  client: SqlClient,
  options: PostgresPromptStoreOptions = {},
): PromptStore {
  const { versions, labels, ddl } = postgresPromptSchema(options.table ?? 'switchyard_prompts');
  let ready: Promise<void> | undefined;

  const ensureSchema = (): Promise<void> => {
    ready ??= (async () => {
      for (const statement of ddl) await client.query(statement);
    })().catch((error: unknown) => {
      ready = undefined; // try again on the next call
      throw error;
    });
    return ready;
  };

  const getVersion = async (name: string, version: string): Promise<unknown> => {
    await ensureSchema();
    const { rows } = await client.query(
      `SELECT name, version, body FROM ${versions} WHERE name = $1 AND version = $2`,
      [name, version],
    );
    return rows[0] === undefined ? undefined : decodeBody(rows[0]);
  };

  return {
    async insertVersion(record) {
      await ensureSchema();
      const { rows } = await client.query(
        `INSERT INTO ${versions} (name, version, body, deployed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name, version) DO NOTHING RETURNING name`,
        [record.name, record.version, JSON.stringify(record), record.deployedAt],
      );
      if (rows.length > 0) return { created: true, record };
      return { created: false, record: await getVersion(record.name, record.version) };
    },
    getVersion,
    async listVersions(name) {
      await ensureSchema();
      const { rows } = await client.query(
        `SELECT name, version, body FROM ${versions} WHERE name = $1 ORDER BY deployed_at`,
        [name],
      );
      return rows.map(decodeBody);
    },
    async listNames() {
      await ensureSchema();
      const { rows } = await client.query(`SELECT DISTINCT name FROM ${versions} ORDER BY name`);
      return rows.flatMap((row) => (isRecord(row) && typeof row.name === 'string' ? [row.name] : []));
    },
    async getLabels(name) {
      await ensureSchema();
      const { rows } = await client.query(`SELECT label, version FROM ${labels} WHERE name = $1`, [name]);
      const result: Record<string, string> = {};
      for (const row of rows) {
        if (isRecord(row) && typeof row.label === 'string' && typeof row.version === 'string') {
          result[row.label] = row.version;
        }
      }
      return result;
    },
    async setLabel(name, label, version) {
      await ensureSchema();
      await client.query(
        `INSERT INTO ${labels} (name, label, version, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name, label) DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
        [name, label, version, new Date().toISOString()],
      );
    },
  };
}
