import type { TargetConfig } from '@switchyard/core';

/** Why the targets picked by consecutive decisions (contexts cycled) are wrong, or undefined. */
export type PickCheck = (picks: ReadonlyArray<TargetConfig>) => string | undefined;

const nameOf = (target: TargetConfig | undefined): string =>
  target === undefined ? 'nothing' : `${target.provider}/${target.model ?? '*'}`;

/** Every decision picks `expected`. */
export const always =
  (expected: TargetConfig): PickCheck =>
  (picks) => {
    const wrong = picks.find((pick) => pick !== expected);
    return wrong === undefined ? undefined : `picked ${nameOf(wrong)}, expected ${nameOf(expected)}`;
  };

/**
 * Smooth weighted round-robin repeats with a period of the total weight, so any run of a multiple of it
 * holds each target exactly in proportion to its weight.
 */
export const inProportion =
  (targets: ReadonlyArray<TargetConfig>): PickCheck =>
  (picks) => {
    const total = targets.reduce((sum, target) => sum + (target.weight ?? 1), 0);
    for (const target of targets) {
      const expected = (picks.length / total) * (target.weight ?? 1);
      const actual = picks.filter((pick) => pick === target).length;
      if (actual !== expected) return `picked ${nameOf(target)} ${actual} times, expected ${expected}`;
    }
    return undefined;
  };

/** The same context always gets the same target, and the contexts spread over more than one. */
export const stablePerContext =
  (contexts: number): PickCheck =>
  (picks) => {
    const moved = picks.findIndex((pick, index) => pick !== picks[index % contexts]);
    if (moved !== -1) return `context ${moved % contexts} moved to ${nameOf(picks[moved])}`;
    return new Set(picks).size > 1 ? undefined : `every context picked ${nameOf(picks[0])}`;
  };
