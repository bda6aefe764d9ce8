import type { CassetteHttpRequest } from './cassette.js';
import type { RecordedChunks } from './recorded-chunks.js';

/** A response body while it is being recorded. */
export type RecordedBody =
  | { kind: 'bytes'; bytes: Uint8Array }
  | {
      kind: 'chunks';
      recorded: RecordedChunks;
      /** Reads whatever the adapter left unread, so the cassette holds the provider's whole response. */
      drain(signal: AbortSignal): Promise<void>;
    };

/** One HTTP exchange as it is recorded, before it is written as a `CassetteExchange`. */
export interface RecordedExchange {
  request: CassetteHttpRequest;
  response?: {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: RecordedBody;
  };
  error?: string;
}
