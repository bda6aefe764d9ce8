import type { PromptVersion } from '../prompt-version.js';
import { compareSemver } from '../semver/compare-semver.js';
import { parseSemver } from '../semver/parse-semver.js';
import type { PromptStore } from '../store/prompt-store.js';
import { parseStoredVersion } from './parse-stored-version.js';

/** Parsed versions kept per registry; more than this and the oldest entries are dropped. */
const CACHE_LIMIT = 1000;

export interface PromptReader {
  /** A version, parsed; `undefined` when not deployed. Shared: callers copy before handing it out. */
  version(name: string, version: string): Promise<PromptVersion | undefined>;
  /** Every version, parsed, lowest to highest semver precedence. */
  versions(name: string): Promise<Array<PromptVersion>>;
  labels(name: string): Promise<Record<string, string>>;
  /** The highest release, or the highest pre-release when there is no release. */
  latest(name: string): Promise<string | undefined>;
}

/**
 * Reads a store through a cache of parsed versions. Versions are immutable once deployed, so a cached
 * version never goes stale; labels move, so they are always read from the store.
 */
export function createPromptReader(store: PromptStore): PromptReader {
  const cache = new Map<string, PromptVersion>();
  const remember = (record: PromptVersion): PromptVersion => {
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(`${record.name}@${record.version}`, record);
    return record;
  };

  const versions = async (name: string): Promise<Array<PromptVersion>> => {
    const stored = await store.listVersions(name);
    const parsed = stored.map((value) => {
      const record = parseStoredVersion(value, name, versionOf(value));
      return cache.get(`${name}@${record.version}`) ?? remember(record);
    });
    return parsed.sort((a, b) => compareSemver(a.version, b.version));
  };

  return {
    async version(name, version) {
      const cached = cache.get(`${name}@${version}`);
      if (cached !== undefined) return cached;
      const stored = await store.getVersion(name, version);
      return stored === undefined ? undefined : remember(parseStoredVersion(stored, name, version));
    },
    versions,
    labels: (name) => store.getLabels(name),
    async latest(name) {
      const all = await versions(name);
      const releases = all.filter((record) => parseSemver(record.version)?.prerelease.length === 0);
      return (releases.at(-1) ?? all.at(-1))?.version;
    },
  };
}

// The version a stored value claims, for error messages and the name/version check.
const versionOf = (value: unknown): string =>
  typeof value === 'object' && value !== null && 'version' in value && typeof value.version === 'string'
    ? value.version
    : '(no version)';
