import type { PromptVersion } from '../prompt-version.js';
import type { PromptStore } from './prompt-store.js';

/**
 * Versions and labels in this process's memory: the default, for tests and single-process apps.
 * Records are copied in and out, so nothing a caller does to a returned object changes what is stored.
 */
export function memoryPromptStore(): PromptStore {
  const versions = new Map<string, Map<string, PromptVersion>>();
  const labels = new Map<string, Map<string, string>>();

  return {
    async insertVersion(record) {
      let byVersion = versions.get(record.name);
      if (byVersion === undefined) {
        byVersion = new Map();
        versions.set(record.name, byVersion);
      }
      const existing = byVersion.get(record.version);
      if (existing !== undefined) return { created: false, record: structuredClone(existing) };
      byVersion.set(record.version, structuredClone(record));
      return { created: true, record: structuredClone(record) };
    },
    async getVersion(name, version) {
      const record = versions.get(name)?.get(version);
      return record === undefined ? undefined : structuredClone(record);
    },
    async listVersions(name) {
      return [...(versions.get(name)?.values() ?? [])].map((record) => structuredClone(record));
    },
    async listNames() {
      return [...versions.keys()];
    },
    async getLabels(name) {
      return Object.fromEntries(labels.get(name) ?? []);
    },
    async setLabel(name, label, version) {
      let byLabel = labels.get(name);
      if (byLabel === undefined) {
        byLabel = new Map();
        labels.set(name, byLabel);
      }
      byLabel.set(label, version);
    },
  };
}
