/** One piece of a streamed response body, exactly as `fetch` delivered it. */
export interface RecordedChunk {
  /** Milliseconds after the previous chunk (the first: after the response headers). */
  delayMs: number;
  bytes: Uint8Array;
}

/** A streamed body: its chunks in order, and the failure that ended it, if it did not end cleanly. */
export interface RecordedChunks {
  chunks: Array<RecordedChunk>;
  /** The message of the error the body failed with (e.g. a dropped connection), after the chunks. */
  error?: string;
}
