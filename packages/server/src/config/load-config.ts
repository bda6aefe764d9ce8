import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import { type ConfigSource, type ParseConfigOptions, parseConfig } from './parse-config.js';
import type { SwitchyardConfig } from './switchyard-config.js';

export type LoadConfigOptions = ParseConfigOptions;

const YAML_FILE = /\.ya?ml$/i;

const readSources = async (path: string): Promise<Array<ConfigSource>> => {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'file not found' : String(error);
    throw new ConfigError([{ file: path, path: '(file)', message: reason }], { cause: error });
  }
  if (!isDirectory) return [{ file: path, text: await readFile(path, 'utf8') }];
  const names = (await readdir(path)).filter((name) => YAML_FILE.test(name)).sort();
  if (names.length === 0)
    throw new ConfigError([{ file: path, path: '(file)', message: 'the directory has no .yaml files' }]);
  return Promise.all(
    names.map(async (name) => ({ file: join(path, name), text: await readFile(join(path, name), 'utf8') })),
  );
};

/**
 * Reads a YAML configuration — a file, a directory of `.yaml` files, or a list of either, merged into one
 * document — substitutes `${VAR}` / `${VAR:-default}` from the environment and validates it.
 * Throws a `ConfigError` whose message names each problem's file, line, path and what was expected.
 */
export async function loadConfig(
  path: string | ReadonlyArray<string>,
  options: LoadConfigOptions = {},
): Promise<SwitchyardConfig> {
  const paths = typeof path === 'string' ? [path] : path;
  const sources = (await Promise.all(paths.map(readSources))).flat();
  return parseConfig(sources, options);
}
