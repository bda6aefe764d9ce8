import type { ConfigDocument } from './schema/config-schema.js';

/** A validated configuration, as `loadConfig` returns it. Durations are milliseconds from here on. */
export interface SwitchyardConfig extends ConfigDocument {
  /** The files it was read from, in order (empty for text without a file name). */
  readonly files: ReadonlyArray<string>;
  /**
   * Settings that were accepted but are not (fully) applied by this build, and defaults that stand in
   * for missing settings. `switchyard validate` prints them and `serve` logs them at startup.
   */
  readonly warnings: ReadonlyArray<string>;
}
