import { SwitchyardError } from '@switchyard/core';

/**
 * A cassette that cannot be used: unreadable, not valid JSON, not the cassette format, a missing
 * `.chunks.txt`, or a replay in which the adapter made a request the cassette has no response for.
 */
export class InvalidCassetteError extends SwitchyardError {
  static override readonly errorName: string = 'InvalidCassetteError';
  /** The cassette file. */
  readonly file: string;

  constructor(file: string, reason: string, options: { cause?: unknown } = {}) {
    super(`Cassette ${file}: ${reason}`, options);
    this.file = file;
  }
}
