import type { AttemptRecord } from '@switchyard/core';

export type HopKind = 'retry' | 'fallback';

/**
 * Walks a request's attempts: an attempt after a failed one on the same `provider/model` is a retry of it;
 * on another target it is a fallback away from it. Calls `visit` with the attempt that was retried or left.
 */
export function forEachHop(
  attempts: ReadonlyArray<AttemptRecord>,
  visit: (kind: HopKind, from: AttemptRecord) => void,
): void {
  for (let index = 1; index < attempts.length; index++) {
    const previous = attempts[index - 1];
    const current = attempts[index];
    if (previous === undefined || current === undefined) continue;
    const sameTarget = previous.provider === current.provider && previous.model === current.model;
    visit(sameTarget ? 'retry' : 'fallback', previous);
  }
}

/** How many retries and fallbacks a request took. */
export function countHops(attempts: ReadonlyArray<AttemptRecord>): { retries: number; fallbacks: number } {
  const counts = { retries: 0, fallbacks: 0 };
  forEachHop(attempts, (kind) => {
    if (kind === 'retry') counts.retries += 1;
    else counts.fallbacks += 1;
  });
  return counts;
}
