import type { CassetteExchange } from './cassette.js';
import type { RecordedChunks } from './recorded-chunks.js';

/** An exchange loaded for replay, with its `.chunks.txt` read when the body was streamed. */
export interface ReplayExchange {
  exchange: CassetteExchange;
  chunks?: RecordedChunks;
}
