import type { FieldPathSegment } from '../internal/parse-field-path.js';

/** How a recording hides credentials and configured fields; built once per `recordReplay()`. */
export interface RedactionSettings {
  /** Lower-cased header names whose values are replaced (and scrubbed wherever they appear). */
  readonly secretHeaders: ReadonlySet<string>;
  /** Lower-cased query parameter names whose values are replaced. */
  readonly secretParams: ReadonlySet<string>;
  /** Cassette paths replaced by `[REDACTED]` before writing. */
  readonly fieldPaths: ReadonlyArray<ReadonlyArray<FieldPathSegment>>;
}
