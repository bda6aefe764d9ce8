import type { RedisCommandClient } from '@switchyard/core';
import type { SqlClient } from '../../src/storage/storage-clients.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Every key of a Redis database with its value, whatever its type, as one text to search. */
export async function dumpRedis(client: RedisCommandClient): Promise<string> {
  const keys = await client.sendCommand(['KEYS', '*']);
  const lines: Array<string> = [];
  for (const key of Array.isArray(keys) ? keys.map(text) : []) {
    const type = text(await client.sendCommand(['TYPE', key]));
    const read: Record<string, Array<string>> = {
      string: ['GET', key],
      hash: ['HGETALL', key],
      list: ['LRANGE', key, '0', '-1'],
      set: ['SMEMBERS', key],
      zset: ['ZRANGE', key, '0', '-1', 'WITHSCORES'],
    };
    const command = read[type];
    lines.push(`${key} (${type}) ${command === undefined ? '' : text(await client.sendCommand(command))}`);
  }
  return lines.join('\n');
}

/** Every row of every table in the `public` schema, as JSON lines, to search. */
export async function dumpPostgres(sql: SqlClient): Promise<string> {
  const { rows: tables } = await sql.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const lines: Array<string> = [];
  for (const table of tables) {
    const name =
      typeof table === 'object' && table !== null && 'table_name' in table ? text(table.table_name) : '';
    const { rows } = await sql.query(
      `SELECT row_to_json(t)::text AS row FROM "${name.replaceAll('"', '""')}" t`,
    );
    lines.push(...rows.map((row) => `${name}: ${text(row)}`));
  }
  return lines.join('\n');
}
