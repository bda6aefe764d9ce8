import { BadRequestError } from '../errors/api-error.js';
import { InvalidConfigError } from '../errors/gateway-errors.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';
import {
  leafTargets,
  type RouteInput,
  type RoutingStrategy,
  reachableTargets,
  runTarget,
  type Target,
} from './routing-strategy.js';

/** What a condition sees: the request body and the request's merged metadata. */
export interface ConditionInput {
  readonly request: ChatCompletionCreateParamsBase;
  readonly metadata: Readonly<Record<string, string>>;
  /** Per-request scratch space shared by the conditions of one decision (e.g. a derived view). */
  readonly memo?: Map<string, unknown>;
}

export type Condition = (input: ConditionInput) => boolean;

export interface ConditionalRule {
  /** A function, or a CEL expression compiled with `cel()` from `@switchyard/core/cel`. */
  when: Condition;
  target: Target;
  /** Shown in errors, e.g. `rules[1]`. */
  name?: string;
}

export interface ConditionalOptions {
  rules: ReadonlyArray<ConditionalRule>;
  /** Used when no rule matches. Without it, an unmatched request is a `BadRequestError`. */
  default?: Target;
}

/**
 * Routes by the first rule whose condition holds. A condition that throws counts as not matching
 * (e.g. a field the request does not have), so rules can be written for the requests they are about.
 */
export function conditional(options: ConditionalOptions): RoutingStrategy {
  if (options.rules.length === 0 && options.default === undefined) {
    throw new InvalidConfigError('conditional needs at least one rule or a default target.');
  }
  const fallbackTarget = options.default;
  const leaves = [
    ...options.rules.flatMap((rule) => leafTargets(rule.target)),
    ...(fallbackTarget === undefined ? [] : leafTargets(fallbackTarget)),
  ];
  /** The first matching rule's target, else the default. */
  const choose = ({ request, metadata }: RouteInput): Target | undefined => {
    const input: ConditionInput = { request, metadata, memo: new Map() };
    return options.rules.find((rule) => matches(rule.when, input))?.target ?? fallbackTarget;
  };
  return {
    type: 'conditional',
    targets: () => leaves,
    targetsFor(input) {
      const target = choose(input);
      return target === undefined ? [] : reachableTargets(target, input);
    },
    route(context) {
      const target = choose(context);
      if (target !== undefined) return runTarget(target, context);
      return Promise.reject(
        new BadRequestError(
          'No conditional routing rule matched this request, and the route has no default.',
          {
            status: 400,
            code: 'no_route_matched',
          },
        ),
      );
    },
  };
}

const matches = (condition: Condition, input: ConditionInput): boolean => {
  try {
    return condition(input) === true;
  } catch {
    return false;
  }
};
