import type { JsonValue } from '../internal/json-value.js';

/** Which adapter method the cassette answers. */
export type CassetteKind = 'generate' | 'stream' | 'embed';

/**
 * A body as stored: parsed JSON when it reads back to the exact same bytes (`bodyFormat` says how it
 * was laid out), else the exact text, else base64 for bytes that are not UTF-8.
 */
export interface CassetteBody {
  body?: JsonValue;
  /** How `body` was laid out on the wire: `compact` (`JSON.stringify`) or `pretty` (2-space indent). */
  bodyFormat?: 'compact' | 'pretty';
  /** The JSON body ended with a newline. */
  bodyNewline?: true;
  /** Non-ASCII characters were written as `\uXXXX` escapes (as Python's `json.dumps` does). */
  bodyAsciiEscaped?: true;
  bodyText?: string;
  bodyBase64?: string;
}

export interface CassetteHttpRequest extends CassetteBody {
  method: string;
  /** Credentials in the query (`key`, `api_key`, …) are `REDACTED`. */
  url: string;
  /** Lower-cased names; secrets are `[REDACTED]`, volatile ones (user-agent, x-stainless-*, …) left out. */
  headers: Record<string, string>;
}

export interface CassetteHttpResponse extends CassetteBody {
  status: number;
  statusText: string;
  /** As received, minus transfer headers (`content-encoding`, `content-length`, `transfer-encoding`, `connection`, `keep-alive`) and `date`. */
  headers: Record<string, string>;
  /** A streamed body: the `.chunks.txt` file next to the cassette holding its chunks, boundaries and timing. */
  chunksFile?: string;
}

/** One HTTP request the adapter made and the provider's raw response to it. */
export interface CassetteExchange {
  request: CassetteHttpRequest;
  /** Missing when the request failed without a response; `error` says how. */
  response?: CassetteHttpResponse;
  /** The message `fetch` rejected with (DNS failure, refused connection…). */
  error?: string;
}

/** An error as stored: enough to rebuild the typed error for adapters that make no HTTP calls. */
export interface StoredError {
  name: string;
  message: string;
  status?: number;
  headers?: Record<string, string>;
  body?: JsonValue;
}

/** What the adapter returned: the mapped result, the stream's parts, or the error it threw. */
export type CassetteResult =
  | { type: 'generate'; value: JsonValue }
  | { type: 'embed'; value: JsonValue }
  | { type: 'stream'; warnings: JsonValue; parts: Array<JsonValue>; error?: StoredError }
  | { type: 'error'; error: StoredError };

/** One recorded provider call, as `<dir>/<name>-<model>-<hash12>.json`. */
export interface Cassette {
  /** The cassette format version. */
  switchyardCassette: 1;
  /** The name the adapter was wrapped under (default: the adapter's `provider`). */
  provider: string;
  kind: CassetteKind;
  modelId: string;
  /** SHA-256 of the canonical request: what a call is matched on. */
  key: string;
  /** The normalized request, with the `ignore`d fields removed: what `key` is computed from. */
  request: JsonValue;
  /** The wire traffic, in order. Empty for adapters that make no HTTP calls (e.g. `mockProvider`). */
  exchanges: Array<CassetteExchange>;
  result: CassetteResult;
}
