import {
  type ChatCompletionCreateParamsBase,
  type Condition,
  conditional,
  fallback,
  loadBalance,
  type RouteContext,
  type RoutingStrategy,
  single,
  type TargetConfig,
} from '@switchyard/core';
import { cel } from '@switchyard/core/cel';
import { always, inProportion, type PickCheck, stablePerContext } from './decision-checks.js';
import { messages } from './scenario.js';

export type DecisionKey =
  | 'floor'
  | 'single'
  | 'load-balance'
  | 'load-balance-sticky'
  | 'fallback'
  | 'conditional-functions'
  | 'cel-rule-1'
  | 'cel-rule-2'
  | 'cel-default';

/** One routing decision to time: `strategy.route(context)` with an attempt that resolves at once. */
export interface DecisionCase {
  readonly key: DecisionKey;
  readonly strategy: RoutingStrategy;
  /** Consecutive decisions cycle through these (sticky routing sees many users). */
  readonly contexts: ReadonlyArray<RouteContext<TargetConfig>>;
  readonly check: PickCheck;
}

export const decisionLabels: Readonly<Record<DecisionKey, string>> = {
  floor: 'harness floor: route = attempt(target)',
  single: 'single',
  'load-balance': 'loadBalance, 3 targets 5:3:2',
  'load-balance-sticky': 'loadBalance + stickyKey, 64 users',
  fallback: 'fallback, 3 targets, first succeeds',
  'conditional-functions': 'conditional, 3 function rules → default',
  'cel-rule-1': 'conditional, 3 CEL rules → rule 1 (4,001-char prompt)',
  'cel-rule-2': "conditional, 3 CEL rules → rule 2 (user 'code-assistant')",
  'cel-default': 'conditional, 3 CEL rules → default (no user)',
};

const signal = new AbortController().signal;
const attempt = (target: TargetConfig): Promise<TargetConfig> => Promise.resolve(target);
const isAvailable = (): boolean => true;

const contextFor = (
  request: ChatCompletionCreateParamsBase,
  metadata: Readonly<Record<string, string>> = {},
): RouteContext<TargetConfig> => ({ request, metadata, attempts: [], signal, attempt, isAvailable });

const model = 'smart-router';
const chat = contextFor({ model, messages });
const longPrompt = contextFor({ model, messages: [{ role: 'user', content: 'x'.repeat(4001) }] });
const codeAssistant = contextFor({ model, messages, user: 'code-assistant' });
const users = Array.from({ length: 64 }, (_, user) =>
  contextFor({ model, messages }, { user_id: `user-${user}` }),
);

const target = (name: string, weight?: number): TargetConfig =>
  weight === undefined ? { provider: 'mock', model: name } : { provider: 'mock', model: name, weight };

type Three<T> = readonly [T, T, T];

/** The reference article's rules: long prompts, then the code assistant, then everything else. */
const articleRules = ([long, code, rest]: Three<Condition>, targets: Three<TargetConfig>): RoutingStrategy =>
  conditional({
    rules: [
      { when: long, target: targets[0] },
      { when: code, target: targets[1] },
      { when: rest, target: targets[2] },
    ],
  });

const celConditions: Three<Condition> = [
  cel('request.messages[0].content.length > 4000'),
  cel("request.user == 'code-assistant'"),
  cel('default'),
];

const functionConditions: Three<Condition> = [
  ({ request }) => {
    const content = request.messages[0]?.content;
    return typeof content === 'string' && content.length > 4000;
  },
  ({ request }) => request.user === 'code-assistant',
  () => true,
];

const decision = (
  key: DecisionKey,
  strategy: RoutingStrategy,
  contexts: ReadonlyArray<RouteContext<TargetConfig>>,
  check: PickCheck,
): DecisionCase => ({ key, strategy, contexts, check });

/** Every strategy under test, in table order; each is its own instance (load balancers keep state). */
export function createDecisionCases(): Array<DecisionCase> {
  const only = target('only');
  const floor: RoutingStrategy = {
    type: 'floor',
    route: (context) => context.attempt(only),
    targets: () => [only],
  };
  const weighted = [target('a', 5), target('b', 3), target('c', 2)];
  const first = target('first');
  const [long, code, rest] = [target('long'), target('code'), target('default')] as const;
  const celRouter = articleRules(celConditions, [long, code, rest]);
  return [
    decision('floor', floor, [chat], always(only)),
    decision('single', single(only), [chat], always(only)),
    decision('load-balance', loadBalance(weighted), [chat], inProportion(weighted)),
    decision(
      'load-balance-sticky',
      loadBalance(weighted, { stickyKey: 'user_id' }),
      users,
      stablePerContext(users.length),
    ),
    decision('fallback', fallback([first, target('second'), target('third')]), [chat], always(first)),
    decision(
      'conditional-functions',
      articleRules(functionConditions, [long, code, rest]),
      [chat],
      always(rest),
    ),
    decision('cel-rule-1', celRouter, [longPrompt], always(long)),
    decision('cel-rule-2', celRouter, [codeAssistant], always(code)),
    decision('cel-default', celRouter, [chat], always(rest)),
  ];
}
