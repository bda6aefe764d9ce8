import type { PromptVersion } from '../prompt-version.js';

/**
 * Where prompt versions and labels live. Implementations: `memoryPromptStore()`, `postgresPromptStore(client)`,
 * `filePromptStore({ directory })` from `@switchyard/prompts/files`. Versions are write-once; the registry
 * validates input and records before they reach a store, and validates what a store returns.
 */
export interface PromptStore {
  /**
   * Saves `record` unless `name@version` already exists (atomically, so two writers cannot both create
   * it). Resolves to the record now stored: `created: false` with the existing one when it was there.
   */
  insertVersion(record: PromptVersion): Promise<{ created: boolean; record: unknown }>;
  /** The stored version, unparsed (the registry checks it), or `undefined`. */
  getVersion(name: string, version: string): Promise<unknown>;
  /** Every stored version of a prompt, unparsed, in any order; `[]` for an unknown prompt. */
  listVersions(name: string): Promise<Array<unknown>>;
  /** Every prompt name with at least one version. */
  listNames(): Promise<Array<string>>;
  /** Label → version for one prompt. */
  getLabels(name: string): Promise<Record<string, string>>;
  /** Points `label` at `version` (creating or moving it). The registry checks the version exists. */
  setLabel(name: string, label: string, version: string): Promise<void>;
}
