import {
  leafTargets,
  type RoutingStrategy,
  reachableTargets,
  runTarget,
  type Target,
} from './routing-strategy.js';

/** Always routes to one target. */
export function single(target: Target): RoutingStrategy {
  return {
    type: 'single',
    route: (context) => runTarget(target, context),
    targets: () => leafTargets(target),
    targetsFor: (input) => reachableTargets(target, input),
  };
}
