import { AllTargetsFailedError, InvalidConfigError } from '../errors/gateway-errors.js';
import {
  leafTargets,
  type RoutingStrategy,
  reachableTargets,
  runTarget,
  type Target,
} from './routing-strategy.js';
import { type FallbackTriggers, shouldFallBack } from './should-fall-back.js';

export type FallbackOptions = FallbackTriggers;

/**
 * Tries targets in order until one succeeds. A failure moves on only when it is a fallback trigger
 * (by default 408/429/5xx, timeouts, connection errors, open circuits); anything else — and the caller's
 * abort or the request deadline — ends the request at once. When every target failed, the error is an
 * `AllTargetsFailedError` carrying every attempt and, per target, the error of its last try.
 */
export function fallback(targets: ReadonlyArray<Target>, options: FallbackOptions = {}): RoutingStrategy {
  if (targets.length === 0) throw new InvalidConfigError('fallback needs at least one target.');
  const leaves = targets.flatMap(leafTargets);
  return {
    type: 'fallback',
    targets: () => leaves,
    targetsFor: (input) => targets.flatMap((target) => reachableTargets(target, input)),
    async route(context) {
      const errors: Array<unknown> = [];
      for (const target of targets) {
        try {
          return await runTarget(target, context);
        } catch (error) {
          if (context.signal.aborted || !shouldFallBack(error, options)) throw error;
          errors.push(...(AllTargetsFailedError.isInstance(error) ? error.errors : [error]));
        }
      }
      throw new AllTargetsFailedError([...context.attempts], errors);
    },
  };
}
