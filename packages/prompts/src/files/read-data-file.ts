import { readFile } from 'node:fs/promises';
import { InvalidConfigError, safeParseJson } from '@switchyard/core';
import { parse } from 'yaml';

/** The data in a `.json`, `.yaml` or `.yml` file; `undefined` when it does not exist. */
export async function readDataFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  if (path.endsWith('.json')) {
    const parsed = safeParseJson(text);
    if (!parsed.success) throw new InvalidConfigError(`${path}: invalid JSON (${parsed.error.message}).`);
    return parsed.value;
  }
  try {
    // YAML 1.2 core schema: no custom tags, so a file cannot construct anything but plain data.
    const value: unknown = parse(text, { schema: 'core', maxAliasCount: 100 });
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidConfigError(`${path}: invalid YAML (${reason}).`, { cause: error });
  }
}
