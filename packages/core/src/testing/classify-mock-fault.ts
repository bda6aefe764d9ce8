import type {
  MockConnectionFault,
  MockErrorAfterPartsFault,
  MockFault,
  MockStatusFault,
} from './mock-reply.js';

/** A `MockFault` with an explicit `kind`, so the mock can `switch` over it exhaustively. */
export type ClassifiedMockFault =
  | { kind: 'status'; fault: MockStatusFault }
  | { kind: 'connection'; fault: MockConnectionFault }
  | { kind: 'delay'; delayMs: number }
  | { kind: 'error-after-parts'; afterParts: number; error: NonNullable<MockErrorAfterPartsFault['error']> }
  | { kind: 'stall-after-parts'; afterParts: number };

const assertCount = (value: number, field: string): number => {
  if (!Number.isInteger(value) || value < 0) {
    throw new TypeError(`mockProvider: fault.${field} must be a non-negative integer, got ${value}.`);
  }
  return value;
};

/**
 * Tells the fault shapes apart by their distinguishing field (the public shapes stay free of a
 * `kind` tag so faults read naturally: `{ status: 429 }`), and rejects counts that make no sense.
 */
export function classifyMockFault(fault: MockFault): ClassifiedMockFault {
  if ('status' in fault) return { kind: 'status', fault };
  if ('connectionError' in fault) return { kind: 'connection', fault };
  if ('delayBeforeFirstByteMs' in fault) {
    const delayMs = fault.delayBeforeFirstByteMs;
    if (!Number.isFinite(delayMs) || delayMs < 0) {
      throw new TypeError(
        `mockProvider: fault.delayBeforeFirstByteMs must be a non-negative number, got ${delayMs}.`,
      );
    }
    return { kind: 'delay', delayMs };
  }
  if ('errorAfterParts' in fault) {
    return {
      kind: 'error-after-parts',
      afterParts: assertCount(fault.errorAfterParts, 'errorAfterParts'),
      error: fault.error ?? 'connection-reset',
    };
  }
  return { kind: 'stall-after-parts', afterParts: assertCount(fault.stallAfterParts, 'stallAfterParts') };
}
