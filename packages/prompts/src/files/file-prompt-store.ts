import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidConfigError } from '@switchyard/core';
import { stringify } from 'yaml';
import { isRecord } from '../parse/is-record.js';
import type { PromptVersion } from '../prompt-version.js';
import { parseSemver } from '../semver/parse-semver.js';
import type { PromptStore } from '../store/prompt-store.js';
import { readDataFile } from './read-data-file.js';

export interface FilePromptStoreOptions {
  /** The root directory: one folder per prompt, one file per version (`<name>/<version>.yaml`). */
  directory: string;
  /** Format of the files `deploy` and `setLabel` write; reading accepts `.yaml`, `.yml` and `.json`. Default `'yaml'`. */
  format?: 'yaml' | 'json';
}

const EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
const PROMPT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const isMissing = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

const dataExtension = (file: string): string | undefined =>
  EXTENSIONS.find((extension) => file.endsWith(extension));

/**
 * Prompts as files in a directory, so they can live in git and be edited by people who do not write
 * code:
 *
 * ```
 * prompts/customer-support-classifier/1.2.0.yaml   # model, parameters, messages
 * prompts/customer-support-classifier/labels.yaml  # production: 1.2.0
 * ```
 *
 * A version file may leave out `name`, `version` (taken from its folder and file name) and `deployedAt`
 * (taken from the file's modification time). New versions are created with an exclusive open, so a
 * version file is never overwritten; label files are replaced atomically (write, then rename). Label
 * changes are serialised within one process; across processes the last writer wins.
 */
export function filePromptStore(options: FilePromptStoreOptions): PromptStore {
  const { directory } = options;
  const writeExtension = options.format === 'json' ? '.json' : '.yaml';
  let labelWrites: Promise<unknown> = Promise.resolve();

  const serialise = (value: unknown, extension: string): string =>
    extension === '.json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });

  const listFiles = async (folder: string): Promise<Array<string>> => {
    try {
      return await readdir(folder);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  };

  /** The version files of a prompt, by version; a data file that is neither a version nor labels is an error. */
  const versionFiles = async (name: string): Promise<Map<string, string>> => {
    const files = new Map<string, string>();
    for (const file of await listFiles(join(directory, name))) {
      const extension = dataExtension(file);
      if (extension === undefined) continue;
      const base = file.slice(0, -extension.length);
      if (base === 'labels') continue;
      const path = join(directory, name, file);
      if (parseSemver(base) === undefined) {
        throw new InvalidConfigError(
          `${path}: a prompt file is named after its semantic version (e.g. 1.2.0.yaml), or labels.yaml.`,
        );
      }
      const other = files.get(base);
      if (other !== undefined)
        throw new InvalidConfigError(`${path} and ${other} both define version ${base}.`);
      files.set(base, path);
    }
    return files;
  };

  const readVersion = async (name: string, version: string, path: string): Promise<unknown> => {
    const value = await readDataFile(path);
    if (!isRecord(value))
      throw new InvalidConfigError(`${path}: expected a mapping with model and messages.`);
    const deployedAt = value.deployedAt ?? (await stat(path)).mtime.toISOString();
    return { name, version, ...value, deployedAt };
  };

  const labelsFile = async (name: string): Promise<string | undefined> => {
    const files = await listFiles(join(directory, name));
    const file = EXTENSIONS.map((extension) => `labels${extension}`).find((candidate) =>
      files.includes(candidate),
    );
    return file === undefined ? undefined : join(directory, name, file);
  };

  const readLabels = async (name: string): Promise<Record<string, string>> => {
    const path = await labelsFile(name);
    if (path === undefined) return {};
    const value = (await readDataFile(path)) ?? {};
    if (!isRecord(value)) throw new InvalidConfigError(`${path}: expected a mapping of label → version.`);
    const labels: Record<string, string> = {};
    for (const [label, version] of Object.entries(value)) {
      if (typeof version !== 'string') {
        throw new InvalidConfigError(`${path}: label '${label}' must name a version as text, e.g. "1.2.0".`);
      }
      labels[label] = version;
    }
    return labels;
  };

  return {
    async insertVersion(record: PromptVersion) {
      const existing = (await versionFiles(record.name)).get(record.version);
      if (existing !== undefined) {
        return { created: false, record: await readVersion(record.name, record.version, existing) };
      }
      await mkdir(join(directory, record.name), { recursive: true });
      const path = join(directory, record.name, `${record.version}${writeExtension}`);
      const { name, version, model, parameters, messages, deployedAt } = record;
      try {
        await writeFile(
          path,
          serialise({ name, version, model, parameters, messages, deployedAt }, writeExtension),
          {
            flag: 'wx',
          },
        );
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
        return { created: false, record: await readVersion(record.name, record.version, path) };
      }
      return { created: true, record };
    },
    async getVersion(name, version) {
      const path = (await versionFiles(name)).get(version);
      return path === undefined ? undefined : readVersion(name, version, path);
    },
    async listVersions(name) {
      const files = await versionFiles(name);
      return Promise.all([...files].map(([version, path]) => readVersion(name, version, path)));
    },
    async listNames() {
      let entries: Array<{ name: string; isDirectory(): boolean }>;
      try {
        entries = await readdir(directory, { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const names = entries.filter((entry) => entry.isDirectory() && PROMPT_NAME.test(entry.name));
      const withVersions = await Promise.all(
        names.map(async (entry) => ((await versionFiles(entry.name)).size > 0 ? [entry.name] : [])),
      );
      return withVersions.flat();
    },
    getLabels: readLabels,
    setLabel(name, label, version) {
      const write = labelWrites.then(async () => {
        const labels = { ...(await readLabels(name)), [label]: version };
        const path = (await labelsFile(name)) ?? join(directory, name, `labels${writeExtension}`);
        const extension = dataExtension(path) ?? writeExtension;
        const temporary = `${path}.${crypto.randomUUID()}.tmp`;
        await mkdir(join(directory, name), { recursive: true });
        await writeFile(temporary, serialise(labels, extension));
        await rename(temporary, path);
      });
      labelWrites = write.catch(() => undefined); // one failed write must not block the next
      return write;
    },
  };
}
