import type { FetchFunction } from '@switchyard/core';
import type { FieldPathSegment } from '../internal/parse-field-path.js';
import type { CassetteStore } from './cassette-store.js';
import type { RecordReplayMode } from './record-replay-options.js';
import type { RedactionSettings } from './redaction-settings.js';

/** What every adapter wrapped by one `recordReplay()` shares. */
export interface RecordReplayContext {
  readonly mode: RecordReplayMode;
  readonly store: CassetteStore;
  readonly ignore: ReadonlyArray<ReadonlyArray<FieldPathSegment>>;
  readonly redaction: RedactionSettings;
  readonly secrets: ReadonlyArray<string>;
  readonly timing: 'instant' | 'recorded';
  readonly fetch: FetchFunction | undefined;
  /** How often each request has been seen this run, by `<name> <key>`. */
  readonly occurrences: Map<string, number>;
}
