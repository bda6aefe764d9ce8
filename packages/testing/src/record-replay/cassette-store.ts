import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeParseJson } from '@switchyard/core';
import type { JsonValue } from '../internal/json-value.js';
import type { Cassette } from './cassette.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';
import { parseCassette } from './parse-cassette.js';
import { parseChunksFile } from './parse-chunks-file.js';
import type { ReplayExchange } from './replay-exchange.js';

/** A cassette read from disk with its chunk files, ready to replay. */
export interface LoadedCassette {
  readonly file: string;
  readonly cassette: Cassette;
  readonly exchanges: ReadonlyArray<ReplayExchange>;
}

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'ENOENT';

/** Reads and writes the cassettes of one directory. */
export class CassetteStore {
  private readonly location: string | URL;

  constructor(dir: string | URL) {
    this.location = dir;
  }

  /** The directory as a path. */
  dir(): string {
    return resolve(this.location instanceof URL ? fileURLToPath(this.location) : this.location);
  }

  /** The path of the cassette named `baseName`. */
  fileFor(baseName: string): string {
    return join(this.dir(), `${baseName}.json`);
  }

  /** The first of `baseNames` that exists, loaded; undefined when none does. */
  async find(baseNames: ReadonlyArray<string>): Promise<LoadedCassette | undefined> {
    for (const baseName of baseNames) {
      const loaded = await this.load(`${baseName}.json`);
      if (loaded !== undefined) return loaded;
    }
    return undefined;
  }

  /** Every cassette whose file name starts with `prefix`; files that fail to parse are skipped. */
  async list(prefix: string): Promise<Array<{ file: string; cassette: Cassette }>> {
    const dir = this.dir();
    let names: Array<string>;
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const found: Array<{ file: string; cassette: Cassette }> = [];
    for (const name of names.filter((entry) => entry.startsWith(prefix) && entry.endsWith('.json')).sort()) {
      const file = join(dir, name);
      const parsed = safeParseJson(await readFile(file, 'utf8'));
      if (!parsed.success) continue;
      try {
        found.push({ file, cassette: parseCassette(parsed.value, file) });
      } catch {
        // Not a cassette (or a broken one); the closest-match search just leaves it out.
      }
    }
    return found;
  }

  /** Writes the chunk files, then the cassette (so a cassette never names a missing file); returns its path. */
  async write(
    baseName: string,
    cassette: JsonValue,
    chunkFiles: ReadonlyMap<string, string>,
  ): Promise<string> {
    const dir = this.dir();
    await mkdir(dir, { recursive: true });
    for (const [name, text] of chunkFiles) await writeFile(join(dir, name), text, 'utf8');
    const file = join(dir, `${baseName}.json`);
    await writeFile(file, `${JSON.stringify(cassette, null, 2)}\n`, 'utf8');
    return file;
  }

  private async load(name: string): Promise<LoadedCassette | undefined> {
    const dir = this.dir();
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new InvalidCassetteError(file, 'cannot be read.', { cause: error });
    }
    const parsed = safeParseJson(text);
    if (!parsed.success) {
      throw new InvalidCassetteError(file, `is not valid JSON (${parsed.error.message}).`, {
        cause: parsed.error,
      });
    }
    const cassette = parseCassette(parsed.value, file);
    const exchanges: Array<ReplayExchange> = [];
    for (const exchange of cassette.exchanges) {
      const chunksFile = exchange.response?.chunksFile;
      if (chunksFile === undefined) {
        exchanges.push({ exchange });
        continue;
      }
      const chunksPath = join(dir, chunksFile);
      let chunksText: string;
      try {
        chunksText = await readFile(chunksPath, 'utf8');
      } catch (error) {
        throw new InvalidCassetteError(file, `its chunks file ${chunksFile} cannot be read.`, {
          cause: error,
        });
      }
      exchanges.push({ exchange, chunks: parseChunksFile(chunksText, chunksPath) });
    }
    return { file, cassette, exchanges };
  }
}
