import { type Token, tokenizePromql } from './tokenize-promql.js';

export type ValueType = 'scalar' | 'instant' | 'range' | 'string';

export interface LabelMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export interface Selector {
  metric: string | undefined;
  matchers: Array<LabelMatcher>;
}

/** What a parsed query references: its selectors and the labels it groups or matches on. */
export interface ParsedPromql {
  type: ValueType;
  selectors: Array<Selector>;
  /** Labels named in `by (…)`, `without (…)`, `on (…)`, `ignoring (…)`, `group_left/right (…)`. */
  groupingLabels: Array<string>;
}

interface FunctionSignature {
  args: ReadonlyArray<ValueType>;
  optional?: number;
  variadic?: ValueType;
  returns: ValueType;
}

const RANGE_TO_INSTANT: FunctionSignature = { args: ['range'], returns: 'instant' };
const INSTANT_TO_INSTANT: FunctionSignature = { args: ['instant'], returns: 'instant' };
const FUNCTIONS: Readonly<Record<string, FunctionSignature>> = {
  rate: RANGE_TO_INSTANT,
  irate: RANGE_TO_INSTANT,
  increase: RANGE_TO_INSTANT,
  delta: RANGE_TO_INSTANT,
  idelta: RANGE_TO_INSTANT,
  resets: RANGE_TO_INSTANT,
  changes: RANGE_TO_INSTANT,
  avg_over_time: RANGE_TO_INSTANT,
  min_over_time: RANGE_TO_INSTANT,
  max_over_time: RANGE_TO_INSTANT,
  sum_over_time: RANGE_TO_INSTANT,
  count_over_time: RANGE_TO_INSTANT,
  last_over_time: RANGE_TO_INSTANT,
  absent_over_time: RANGE_TO_INSTANT,
  quantile_over_time: { args: ['scalar', 'range'], returns: 'instant' },
  histogram_quantile: { args: ['scalar', 'instant'], returns: 'instant' },
  abs: INSTANT_TO_INSTANT,
  ceil: INSTANT_TO_INSTANT,
  floor: INSTANT_TO_INSTANT,
  sqrt: INSTANT_TO_INSTANT,
  exp: INSTANT_TO_INSTANT,
  ln: INSTANT_TO_INSTANT,
  absent: INSTANT_TO_INSTANT,
  round: { args: ['instant', 'scalar'], optional: 1, returns: 'instant' },
  clamp_min: { args: ['instant', 'scalar'], returns: 'instant' },
  clamp_max: { args: ['instant', 'scalar'], returns: 'instant' },
  clamp: { args: ['instant', 'scalar', 'scalar'], returns: 'instant' },
  scalar: { args: ['instant'], returns: 'scalar' },
  vector: { args: ['scalar'], returns: 'instant' },
  time: { args: [], returns: 'scalar' },
  timestamp: INSTANT_TO_INSTANT,
  sort: INSTANT_TO_INSTANT,
  sort_desc: INSTANT_TO_INSTANT,
  label_replace: { args: ['instant', 'string', 'string', 'string', 'string'], returns: 'instant' },
  label_join: { args: ['instant', 'string', 'string'], variadic: 'string', returns: 'instant' },
};
const AGGREGATIONS = new Set([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
  'count_values',
]);
const PARAMETRISED = new Map<string, ValueType>([
  ['topk', 'scalar'],
  ['bottomk', 'scalar'],
  ['quantile', 'scalar'],
  ['count_values', 'string'],
]);
const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '>': 3,
  '<': 3,
  '>=': 3,
  '<=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '^': 6,
};
const SET_OPERATORS = new Set(['and', 'or', 'unless']);
const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);
const MATCH_OPS = new Set(['=', '!=', '=~', '!~']);
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isMatchOp = (text: string): text is LabelMatcher['op'] => MATCH_OPS.has(text);

const unquote = (text: string): string =>
  text.startsWith('`') ? text.slice(1, -1) : text.slice(1, -1).replace(/\\(.)/g, '$1');

/**
 * A PromQL parser for validating dashboards: the full expression grammar (selectors, ranges, subqueries,
 * offsets, functions, aggregations, binary operators with vector matching) with Prometheus' type rules
 * (e.g. `rate` needs a range vector). Throws a `SyntaxError` or `TypeError` naming the problem.
 */
export function parsePromql(source: string): ParsedPromql {
  const tokens = tokenizePromql(source);
  let index = 0;
  const selectors: Array<Selector> = [];
  const groupingLabels: Array<string> = [];

  const eof: Token = { kind: 'eof', text: '', position: source.length };
  const peek = (offset = 0): Token => tokens[Math.min(index + offset, tokens.length - 1)] ?? eof;
  const next = (): Token => {
    const token = peek();
    index = Math.min(index + 1, tokens.length - 1);
    return token;
  };
  const fail = (message: string, token = peek()): never => {
    throw new SyntaxError(`${message} at ${token.position} in: ${source}`);
  };
  const expect = (text: string): Token => (peek().text === text ? next() : fail(`Expected '${text}'`));
  const isKeyword = (text: string) => peek().kind === 'identifier' && peek().text === text;

  const labelList = (): Array<string> => {
    expect('(');
    const labels: Array<string> = [];
    while (peek().text !== ')') {
      const label = next();
      if (label.kind !== 'identifier' || !LABEL_NAME.test(label.text)) fail('Expected a label name', label);
      labels.push(label.text);
      if (peek().text !== ')') expect(',');
    }
    expect(')');
    groupingLabels.push(...labels);
    return labels;
  };

  const matchers = (): Array<LabelMatcher> => {
    expect('{');
    const found: Array<LabelMatcher> = [];
    while (peek().text !== '}') {
      const label = next();
      if (label.kind !== 'identifier' || !LABEL_NAME.test(label.text)) fail('Expected a label name', label);
      const op = next();
      if (!isMatchOp(op.text)) return fail('Expected a label matcher operator', op);
      const value = next();
      if (value.kind !== 'string') fail('Expected a quoted label value', value);
      if (op.text === '=~' || op.text === '!~') new RegExp(`^(?:${unquote(value.text)})$`);
      found.push({ label: label.text, op: op.text, value: unquote(value.text) });
      if (peek().text !== '}') expect(',');
    }
    expect('}');
    return found;
  };

  const selector = (metric: string | undefined): ValueType => {
    const found = peek().text === '{' ? matchers() : [];
    if (metric === undefined && !found.some((matcher) => !/^(?:\.\*)?$/.test(matcher.value))) {
      fail('A selector without a metric name needs a matcher that does not match the empty string');
    }
    selectors.push({ metric, matchers: found });
    return 'instant';
  };

  const call = (name: string): ValueType => {
    const signature = FUNCTIONS[name] ?? fail(`Unknown function '${name}'`);
    expect('(');
    const args: Array<ValueType> = [];
    while (peek().text !== ')') {
      args.push(expression(0));
      if (peek().text !== ')') expect(',');
    }
    expect(')');
    const required = signature.args.length - (signature.optional ?? 0);
    if (args.length < required || (signature.variadic === undefined && args.length > signature.args.length)) {
      fail(`${name}() takes ${signature.args.length} arguments, got ${args.length}`);
    }
    args.forEach((type, position) => {
      const wanted = signature.args[position] ?? signature.variadic;
      if (type !== wanted)
        throw new TypeError(`${name}() argument ${position + 1} must be ${wanted}, got ${type}`);
    });
    return signature.returns;
  };

  const aggregation = (name: string): ValueType => {
    if (isKeyword('by') || isKeyword('without')) {
      next();
      labelList();
    }
    expect('(');
    const parameter = PARAMETRISED.get(name);
    if (parameter !== undefined) {
      const type = expression(0);
      if (type !== parameter) throw new TypeError(`${name}() parameter must be ${parameter}, got ${type}`);
      expect(',');
    }
    const inner = expression(0);
    if (inner !== 'instant') throw new TypeError(`${name}() needs an instant vector, got ${inner}`);
    expect(')');
    if (isKeyword('by') || isKeyword('without')) {
      next();
      labelList();
    }
    return 'instant';
  };

  const primary = (): ValueType => {
    const token = next();
    if (token.kind === 'number') return 'scalar';
    if (token.kind === 'string') return 'string';
    if (token.kind === 'identifier') {
      if (/^(?:Inf|NaN)$/i.test(token.text)) return 'scalar';
      if (AGGREGATIONS.has(token.text) && (peek().text === '(' || isKeyword('by') || isKeyword('without'))) {
        return aggregation(token.text);
      }
      if (peek().text === '(') return call(token.text);
      return selector(token.text);
    }
    if (token.text === '{') {
      index--;
      return selector(undefined);
    }
    if (token.text === '(') {
      const inner = expression(0);
      expect(')');
      return inner;
    }
    if (token.text === '-' || token.text === '+') {
      const operand = unaryOperand();
      if (operand !== 'scalar' && operand !== 'instant')
        throw new TypeError('Unary minus needs a number or vector');
      return operand;
    }
    return fail(`Unexpected '${token.text || 'end of query'}'`, token);
  };

  const unaryOperand = (): ValueType => postfix(primary());

  const postfix = (type: ValueType): ValueType => {
    let current = type;
    for (;;) {
      if (peek().text === '[') {
        if (current !== 'instant')
          throw new TypeError(`A range or subquery needs an instant vector, got ${current}`);
        next();
        if (next().kind !== 'duration') fail('Expected a duration');
        if (peek().text === ':') {
          next();
          if (peek().kind === 'duration') next();
        }
        expect(']');
        current = 'range';
      } else if (isKeyword('offset')) {
        next();
        if (peek().text === '-') next();
        if (next().kind !== 'duration') fail('Expected a duration after offset');
      } else if (peek().text === '@') {
        next();
        const at = next();
        if (at.kind !== 'number' && !/^(?:start|end)$/.test(at.text))
          fail('Expected a timestamp after @', at);
        if (at.kind !== 'number') {
          expect('(');
          expect(')');
        }
      } else {
        return current;
      }
    }
  };

  const binaryOperator = (): string | undefined => {
    const token = peek();
    const text = token.kind === 'identifier' || token.kind === 'punct' ? token.text : '';
    return PRECEDENCE[text] === undefined ? undefined : text;
  };

  const expression = (minPrecedence: number): ValueType => {
    let left = unaryOperand();
    for (;;) {
      const operator = binaryOperator();
      const precedence = operator === undefined ? undefined : PRECEDENCE[operator];
      if (operator === undefined || precedence === undefined || precedence < minPrecedence) return left;
      next();
      const comparison = COMPARISONS.has(operator);
      let bool = false;
      if (comparison && isKeyword('bool')) {
        next();
        bool = true;
      }
      if (isKeyword('on') || isKeyword('ignoring')) {
        next();
        labelList();
        if (isKeyword('group_left') || isKeyword('group_right')) {
          next();
          if (peek().text === '(') labelList();
        }
      }
      // `^` is right-associative; every other operator is left-associative.
      const right = expression(operator === '^' ? precedence : precedence + 1);
      if (SET_OPERATORS.has(operator)) {
        if (left !== 'instant' || right !== 'instant')
          throw new TypeError(`'${operator}' needs two instant vectors`);
      } else {
        for (const side of [left, right]) {
          if (side !== 'scalar' && side !== 'instant') {
            throw new TypeError(`'${operator}' needs numbers or instant vectors, got ${side}`);
          }
        }
        if (comparison && left === 'scalar' && right === 'scalar' && !bool) {
          throw new TypeError('Comparisons between two scalars need the bool modifier');
        }
      }
      left = left === 'instant' || right === 'instant' ? 'instant' : 'scalar';
    }
  };

  const type = expression(0);
  if (peek().kind !== 'eof') fail(`Unexpected '${peek().text}'`);
  return { type, selectors, groupingLabels };
}
