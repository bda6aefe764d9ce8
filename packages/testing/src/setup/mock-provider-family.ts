import { isRecord } from '../internal/is-record.js';

/**
 * The provider family a mock reports as its `provider` (what pricing and spend look prices up by):
 * an adapter's own `provider`, a config entry's `type` (YAML), else the configured name.
 */
export function mockProviderFamily(name: string, entry: unknown): string {
  if (isRecord(entry)) {
    if (entry.specificationVersion === 'v1' && typeof entry.provider === 'string') return entry.provider;
    if (typeof entry.type === 'string') return entry.type;
  }
  return name;
}
