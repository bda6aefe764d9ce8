import type { StrategyConfig, TargetConfigInput } from './schema/strategy-config-schema.js';

export interface LocatedTarget {
  target: TargetConfigInput;
  /** Path below the strategy, e.g. `['providers', 2]` or `['rules', 1, 'target']`. */
  path: ReadonlyArray<PropertyKey>;
}

/** Every target a strategy names, with where it is written. */
export function strategyTargets(strategy: StrategyConfig): Array<LocatedTarget> {
  switch (strategy.type) {
    case 'load_balance':
    case 'fallback': {
      const key = strategy.targets === undefined ? 'providers' : 'targets';
      const list = strategy.targets ?? strategy.providers ?? [];
      return list.map((target, index) => ({ target, path: [key, index] }));
    }
    case 'conditional':
      return [
        ...strategy.rules.map((rule, index) => ({ target: rule.target, path: ['rules', index, 'target'] })),
        ...(strategy.default === undefined ? [] : [{ target: strategy.default, path: ['default'] }]),
      ];
    case 'single':
      return [{ target: strategy.target, path: ['target'] }];
    default: {
      const unreachable: never = strategy;
      return unreachable;
    }
  }
}
