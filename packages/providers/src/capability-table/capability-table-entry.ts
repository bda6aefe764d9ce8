import type { ProviderAdapter } from '@switchyard/core';

/** One row of the capability table: a factory's subpath and a function building it with dummy credentials. */
export interface CapabilityTableEntry {
  /** The provider's display name, e.g. `Azure OpenAI`. */
  provider: string;
  /** The subpath after `@switchyard/providers/` the factory is imported from, e.g. `azure`. */
  subpath: string;
  /** Builds the adapter with dummy credentials; no request is made. */
  create: () => ProviderAdapter;
}
