import type { FetchFunction, ProviderAdapter } from '@switchyard/core';

/**
 * `record` calls the provider and (over)writes the cassette; `replay` only reads cassettes and fails
 * when one is missing; `auto` replays what exists and records what does not.
 */
export type RecordReplayMode = 'record' | 'replay' | 'auto';

export interface RecordReplayOptions {
  /** The cassette directory: a path (relative to the working directory) or a `file:` URL. Created when recording. */
  dir: string | URL;
  /**
   * Default: the `SWITCHYARD_CASSETTES` environment variable (`record`, `replay` or `auto`), else
   * `replay` — so CI never calls a provider by accident, and `SWITCHYARD_CASSETTES=record pnpm test`
   * re-records.
   */
  mode?: RecordReplayMode;
  /**
   * Request fields left out of matching (and of the stored `request`), as paths into the normalized
   * request: `['user', 'metadata', 'messages[*].name']`. Default: none.
   */
  ignore?: ReadonlyArray<string>;
  /**
   * Cassette fields replaced by `[REDACTED]` before writing, as paths into the cassette JSON:
   * `['exchanges[*].request.body.user', 'exchanges[*].response.headers.openai-organization']`.
   * Default: none (credentials are always redacted, see `redactHeaders`).
   */
  redact?: ReadonlyArray<string>;
  /**
   * More header names whose values are redacted, on top of `authorization`, `proxy-authorization`,
   * `x-api-key`, `api-key`, `x-goog-api-key`, `x-amz-security-token`, `cookie` and `set-cookie`.
   */
  redactHeaders?: ReadonlyArray<string>;
  /**
   * Values scrubbed from every string of a cassette, wherever they appear. Always added: the values of
   * redacted headers and query parameters of the call, and of `*_API_KEY`, `*_TOKEN`, `*_SECRET`
   * environment variables. Default: none beyond those.
   */
  secrets?: ReadonlyArray<string>;
  /** `instant` serves recorded chunks at once; `recorded` waits each chunk's recorded delay. Default `instant`. */
  replayTiming?: 'instant' | 'recorded';
  /**
   * The `fetch` that reaches the provider when recording. Default: the gateway's `fetch` option for the
   * call, else `globalThis.fetch`.
   */
  fetch?: FetchFunction;
}

export interface RecordReplayAdapterOptions {
  /**
   * The name cassettes are filed under (`<name>-<model>-<hash12>.json`). Default: the adapter's
   * `provider` (`openai`, `anthropic`…). Give one per provider entry when two entries share a family.
   */
  name?: string;
}

/** Wraps provider adapters so their calls are recorded to and replayed from one cassette directory. */
export interface RecordReplay {
  (adapter: ProviderAdapter, options?: RecordReplayAdapterOptions): ProviderAdapter;
  /** The mode in force, after the environment default. */
  readonly mode: RecordReplayMode;
  /**
   * Restarts the numbering of repeated identical requests (the second identical call of a run has its
   * own `.2` cassette). Call it in `beforeEach` when tests repeat the same request.
   */
  reset(): void;
}
