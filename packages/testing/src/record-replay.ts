/**
 * `@switchyard/testing/record-replay`: cassettes for provider adapters (Node, Bun, Deno: it reads and
 * writes files). Kept apart from the main entry so that entry stays free of `node:` imports.
 */
export type {
  Cassette,
  CassetteBody,
  CassetteExchange,
  CassetteHttpRequest,
  CassetteHttpResponse,
  CassetteKind,
  CassetteResult,
  StoredError,
} from './record-replay/cassette.js';
export { CassetteNotFoundError } from './record-replay/cassette-not-found-error.js';
export type { CassetteDifference } from './record-replay/diff-json.js';
export { InvalidCassetteError } from './record-replay/invalid-cassette-error.js';
export { recordReplay } from './record-replay/record-replay.js';
export type {
  RecordReplay,
  RecordReplayAdapterOptions,
  RecordReplayMode,
  RecordReplayOptions,
} from './record-replay/record-replay-options.js';
