import { CircuitOpenError, InvalidConfigError } from '../errors/gateway-errors.js';
import { hashString } from './hash-string.js';
import {
  isRoutingStrategy,
  isTargetAvailable,
  leafTargets,
  type RoutingStrategy,
  reachableTargets,
  runTarget,
  type Target,
} from './routing-strategy.js';
import { SmoothWeightedRoundRobin } from './smooth-weighted-round-robin.js';

export interface LoadBalanceOptions {
  /**
   * Route requests with the same value of this metadata key (e.g. `user_id`) to the same target while it
   * is available. Default: none (weighted round-robin).
   */
  stickyKey?: string;
}

const weightOf = (target: Target): number => (isRoutingStrategy(target) ? 1 : (target.weight ?? 1));

/**
 * Spreads requests over targets by weight (smooth weighted round-robin), skipping targets whose circuit
 * is open. One target answers each request; nest it in `fallback` to also retry elsewhere on failure.
 */
export function loadBalance(
  targets: ReadonlyArray<Target>,
  options: LoadBalanceOptions = {},
): RoutingStrategy {
  if (targets.length === 0) throw new InvalidConfigError('loadBalance needs at least one target.');
  const weights = targets.map(weightOf);
  weights.forEach((weight, index) => {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new InvalidConfigError(`loadBalance target ${index} has weight ${weight}; use a number ≥ 0.`);
    }
  });
  if (!weights.some((weight) => weight > 0))
    throw new InvalidConfigError('loadBalance needs a target with weight > 0.');
  const rotation = new SmoothWeightedRoundRobin(weights);
  const leaves = targets.flatMap(leafTargets);

  return {
    type: 'load_balance',
    targets: () => leaves,
    // Load-balanced targets are interchangeable by intent: a request may be answered by any of them.
    targetsFor: (input) => targets.flatMap((target) => reachableTargets(target, input)),
    route(context) {
      const available = (index: number): boolean => {
        const target = targets[index];
        return target !== undefined && isTargetAvailable(target, context);
      };
      let index = -1;
      const sticky = options.stickyKey === undefined ? undefined : context.metadata[options.stickyKey];
      if (sticky !== undefined) {
        const preferred = pickSticky(weights, hashString(sticky));
        index = available(preferred) ? preferred : rotation.pick(available);
      } else {
        index = rotation.pick(available);
      }
      const target = targets[index];
      if (target === undefined) {
        return Promise.reject(
          new CircuitOpenError(leaves.map((leaf) => `${leaf.provider}/${leaf.model ?? '*'}`).join(', ')),
        );
      }
      return runTarget(target, context);
    },
  };
}

/** A weighted, stable choice for a hash: the same key lands on the same target while weights stay. */
const pickSticky = (weights: ReadonlyArray<number>, hash: number): number => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let point = (hash / 0x1_0000_0000) * total;
  for (let index = 0; index < weights.length; index++) {
    point -= weights[index] ?? 0;
    if (point < 0) return index;
  }
  return weights.length - 1;
};
