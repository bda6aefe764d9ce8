import { SwitchyardError } from '@switchyard/core';
import type { CassetteDifference } from './diff-json.js';

const MAX_LISTED = 20;
const MAX_VALUE_LENGTH = 80;

const show = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
};

export interface CassetteNotFoundDetails {
  /** The cassette the call would replay, e.g. `…/openai-gpt-4o-0123456789ab.json`. */
  file: string;
  provider: string;
  kind: string;
  modelId: string;
  /** The recorded cassette most like the call, when the directory has any for this provider. */
  closest?: string;
  /** How the closest cassette's request differs from the call's. */
  differences: ReadonlyArray<CassetteDifference>;
}

const describe = (details: CassetteNotFoundDetails): string => {
  const lines = [
    `No cassette for this ${details.provider} ${details.kind} call to '${details.modelId}': expected ${details.file}.`,
  ];
  if (details.closest === undefined) {
    lines.push(`There is no cassette for '${details.provider}' in that directory yet.`);
  } else {
    const count = details.differences.length;
    lines.push(
      `The closest cassette, ${details.closest}, differs in ${count} field${count === 1 ? '' : 's'}:`,
    );
    for (const difference of details.differences.slice(0, MAX_LISTED)) {
      lines.push(
        `  ${difference.path}: cassette ${show(difference.cassette)}, call ${show(difference.request)}`,
      );
    }
    if (count > MAX_LISTED) lines.push(`  … and ${count - MAX_LISTED} more`);
  }
  lines.push(
    "Record it with mode 'record' or 'auto' (or SWITCHYARD_CASSETTES=record), or leave fields that should not matter out of matching with `ignore`.",
  );
  return lines.join('\n');
};

/**
 * A replay found no cassette for a call. The message names the file it looked for and, field by field,
 * how the call differs from the closest recorded one. Not retryable and no fallback trigger, so a
 * gateway surfaces it as is instead of trying another target.
 */
export class CassetteNotFoundError extends SwitchyardError {
  static override readonly errorName: string = 'CassetteNotFoundError';
  readonly file: string;
  readonly closest: string | undefined;
  readonly differences: ReadonlyArray<CassetteDifference>;

  constructor(details: CassetteNotFoundDetails) {
    super(describe(details));
    this.file = details.file;
    this.closest = details.closest;
    this.differences = details.differences;
  }
}
