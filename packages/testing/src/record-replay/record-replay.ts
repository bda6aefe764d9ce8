import type { ProviderAdapter } from '@switchyard/core';
import { parseFieldPath } from '../internal/parse-field-path.js';
import { readEnv } from '../internal/read-env.js';
import { CassetteStore } from './cassette-store.js';
import { createRecordReplayAdapter } from './record-replay-adapter.js';
import type { RecordReplayContext } from './record-replay-context.js';
import type {
  RecordReplay,
  RecordReplayAdapterOptions,
  RecordReplayMode,
  RecordReplayOptions,
} from './record-replay-options.js';
import { SECRET_HEADERS, SECRET_QUERY_PARAMS } from './redaction-defaults.js';

const MODES: ReadonlyArray<RecordReplayMode> = ['record', 'replay', 'auto'];

const resolveMode = (given: RecordReplayMode | undefined): RecordReplayMode => {
  const raw = given ?? readEnv().SWITCHYARD_CASSETTES ?? 'replay';
  const mode = MODES.find((candidate) => candidate === raw);
  if (mode === undefined) {
    throw new TypeError(
      `recordReplay: mode must be 'record', 'replay' or 'auto'${given === undefined ? ' (from SWITCHYARD_CASSETTES)' : ''}, got '${raw}'.`,
    );
  }
  return mode;
};

/**
 * Record/replay for provider adapters, VCR-style. The returned function wraps any adapter: in `record`
 * mode each call goes to the provider and is written as one cassette — the normalized request, the raw
 * HTTP exchange (status, headers, body; streamed bodies chunk by chunk with timing in a `.chunks.txt`)
 * and the mapped result — with credentials redacted. In `replay` mode the recorded bytes are served
 * back through the real adapter, offline; a call without a cassette fails with a field-by-field diff.
 *
 * Adapters must get `fetch` per call (create them without their own `fetch`), which every adapter in
 * `@switchyard/providers` supports.
 *
 * @example
 * const cassettes = recordReplay({ dir: new URL('./__cassettes__', import.meta.url), ignore: ['user'] });
 * const gateway = createGateway({ providers: { openai: cassettes(openai()) } });
 */
export function recordReplay(options: RecordReplayOptions): RecordReplay {
  const context: RecordReplayContext = {
    mode: resolveMode(options.mode),
    store: new CassetteStore(options.dir),
    ignore: (options.ignore ?? []).map((path) => parseFieldPath(path, 'recordReplay: ignore')),
    redaction: {
      secretHeaders: new Set([
        ...SECRET_HEADERS,
        ...(options.redactHeaders ?? []).map((name) => name.toLowerCase()),
      ]),
      secretParams: new Set(SECRET_QUERY_PARAMS),
      fieldPaths: (options.redact ?? []).map((path) => parseFieldPath(path, 'recordReplay: redact')),
    },
    secrets: options.secrets ?? [],
    timing: options.replayTiming ?? 'instant',
    fetch: options.fetch,
    occurrences: new Map(),
  };
  const wrap = (adapter: ProviderAdapter, wrapOptions: RecordReplayAdapterOptions = {}): ProviderAdapter =>
    createRecordReplayAdapter(context, adapter, wrapOptions.name ?? adapter.provider);
  return Object.assign(wrap, {
    mode: context.mode,
    reset: () => context.occurrences.clear(),
  });
}
