import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { InvalidConfigError } from '../errors/gateway-errors.js';
import type { ChatCompletionCreateParamsBase, ChatMessage } from '../types/chat-request.js';
import { cel } from './cel-condition.js';
import type { ConditionInput } from './conditional.js';

/** What a generated expression evaluates to under CEL's rules; `error` when evaluation must fail. */
type Outcome = boolean | 'error';

interface Generated {
  text: string;
  evaluate(input: ConditionInput): Outcome;
}

const word = fc.stringMatching(/^[a-z]{0,4}$/);
const small = fc.nat({ max: 12 });
const metadataKey = fc.constantFrom('tier', 'team', 'region');

type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
const comparison = fc.constantFrom<Comparison>('<', '<=', '>', '>=', '==', '!=');
const compare = (left: number, op: Comparison, right: number): boolean => {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
};

const textOf = (message: ChatMessage | undefined): string =>
  typeof message?.content === 'string'
    ? message.content
    : Array.isArray(message?.content)
      ? message.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
      : '';

/** Conditions routing rules are written with, each with its expected value. */
const atom: fc.Arbitrary<Generated> = fc.oneof(
  word.map(
    (value): Generated => ({
      text: `request.user == '${value}'`,
      evaluate: ({ request }) => request.user === value,
    }),
  ),
  word.map(
    (value): Generated => ({
      text: `request.model.startsWith('${value}')`,
      evaluate: ({ request }) => request.model.startsWith(value),
    }),
  ),
  fc.tuple(metadataKey, word).map(
    ([key, value]): Generated => ({
      text: `metadata.${key} == '${value}'`,
      evaluate: ({ metadata }) => (Object.hasOwn(metadata, key) ? metadata[key] === value : 'error'),
    }),
  ),
  metadataKey.map(
    (key): Generated => ({
      text: `'${key}' in metadata`,
      evaluate: ({ metadata }) => Object.hasOwn(metadata, key),
    }),
  ),
  metadataKey.map(
    (key): Generated => ({
      text: `has(metadata.${key})`,
      evaluate: ({ metadata }) => Object.hasOwn(metadata, key),
    }),
  ),
  fc.tuple(fc.nat({ max: 3 }), comparison, small).map(
    ([index, op, value]): Generated => ({
      text: `request.messages[${index}].content.length ${op} ${value}`,
      evaluate: ({ request }) =>
        index < request.messages.length
          ? compare(textOf(request.messages[index]).length, op, value)
          : 'error',
    }),
  ),
  fc.tuple(fc.constantFrom('size(request.messages)', 'request.messages.length'), comparison, small).map(
    ([left, op, value]): Generated => ({
      text: `${left} ${op} ${value}`,
      evaluate: ({ request }) => compare(request.messages.length, op, value),
    }),
  ),
  fc.tuple(comparison, fc.integer({ min: 0, max: 200 })).map(
    ([op, value]): Generated => ({
      text: `request.max_tokens ${op} ${value}`,
      evaluate: ({ request }) => {
        const tokens = request.max_tokens;
        if (tokens != null) return compare(tokens, op, value);
        // An absent field is null: equal to no number, and not ordered.
        return op === '==' ? false : op === '!=' ? true : 'error';
      },
    }),
  ),
  fc.constant<Generated>({
    text: 'request.stream == true',
    evaluate: ({ request }) => request.stream === true,
  }),
);

const and = (left: Outcome, right: Outcome): Outcome =>
  left === false || right === false ? false : left === true && right === true ? true : 'error';
const or = (left: Outcome, right: Outcome): Outcome =>
  left === true || right === true ? true : left === false && right === false ? false : 'error';

/** Atoms joined with CEL's `!`, `&&`, `||`, `? :` and parentheses (errors absorbed as CEL absorbs them). */
const expression: fc.Arbitrary<Generated> = fc.letrec<{ node: Generated }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    tie('node').map((inner) => ({
      text: `!(${inner.text})`,
      evaluate: (input: ConditionInput) => {
        const value = inner.evaluate(input);
        return value === 'error' ? 'error' : !value;
      },
    })),
    fc.tuple(tie('node'), tie('node')).map(([left, right]) => ({
      text: `(${left.text} && ${right.text})`,
      evaluate: (input: ConditionInput) => and(left.evaluate(input), right.evaluate(input)),
    })),
    fc.tuple(tie('node'), tie('node')).map(([left, right]) => ({
      text: `(${left.text} || ${right.text})`,
      evaluate: (input: ConditionInput) => or(left.evaluate(input), right.evaluate(input)),
    })),
    fc.tuple(tie('node'), tie('node'), tie('node')).map(([test, yes, no]) => ({
      text: `(${test.text} ? ${yes.text} : ${no.text})`,
      evaluate: (input: ConditionInput) => {
        const value = test.evaluate(input);
        return value === 'error' ? 'error' : value ? yes.evaluate(input) : no.evaluate(input);
      },
    })),
  ),
})).node;

const message: fc.Arbitrary<ChatMessage> = fc.oneof(
  anyText.map((content) => ({ role: 'user' as const, content })),
  fc
    .array(
      anyText.map((text) => ({ type: 'text' as const, text })),
      { maxLength: 3 },
    )
    .map((content) => ({ role: 'user' as const, content })),
  fc.oneof(anyText, fc.constant(null)).map((content) => ({ role: 'assistant' as const, content })),
);

const request: fc.Arbitrary<ChatCompletionCreateParamsBase> = fc.record(
  {
    model: fc.stringMatching(/^[a-z]{1,5}$/),
    messages: fc.array(message, { minLength: 1, maxLength: 3 }),
    user: word,
    max_tokens: fc.integer({ min: 1, max: 200 }),
    stream: fc.boolean(),
  },
  { requiredKeys: ['model', 'messages'] },
);
const metadata = fc.dictionary(metadataKey, word, { maxKeys: 3 });

/** Fragments CEL is made of, so random strings often parse and reach evaluation. */
const celToken = fc.constantFrom(
  ...['request', 'metadata', 'messages', 'content', 'length', 'size', 'has', 'in', 'exists', 'all', 'map'],
  ...['filter', 'matches', 'dyn', 'int', 'string', 'true', 'false', 'null', '__proto__', 'constructor'],
  ...['.', '[', ']', '(', ')', '{', '}', ',', ':', '?', '!', '-', '+', '*', '/', '%', '<', '>', '=='],
  ...['!=', '&&', '||', ' ', '0', '1', '1.5', '9223372036854775807', '"a"', "'", '"', '\\', 'b"x"', 'r"\\d"'],
  ...['"""', 'x', 'm', 'this', 'process', 'globalThis', 'default'],
);
const celLike = fc.oneof(
  fc.array(celToken, { maxLength: 25 }).map((tokens) => tokens.join('')),
  anyText,
);

const compile = (text: string) => {
  const started = performance.now();
  try {
    return { condition: cel(text, { name: 'rules[0].condition' }), error: undefined };
  } catch (error) {
    return { condition: undefined, error };
  } finally {
    expect(performance.now() - started, `compiling ${JSON.stringify(text.slice(0, 80))}`).toBeLessThan(1_000);
  }
};

describe('cel() (fuzz)', () => {
  it(
    'compiles any string or throws InvalidConfigError naming where it came from',
    () => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
      fc.assert(
        fc.property(celLike, request, metadata, (text, body, meta) => {
          const { condition, error } = compile(text);
          if (condition === undefined) {
            expect(InvalidConfigError.isInstance(error), String(error)).toBe(true);
            expect(String((error as Error).message)).toContain('at rules[0].condition');
            return;
          }
          // Whatever compiles evaluates to a boolean or fails with an Error (a rule that does not match).
          try {
            expect(typeof condition({ request: body, metadata: meta, memo: new Map() })).toBe('boolean');
          } catch (failure) {
            expect(failure).toBeInstanceOf(Error);
          }
        }),
        fuzzParameters({ runs: 500 }),
      );
      // No expression reached the prototype chain.
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    },
    fuzzTimeout(15_000),
  );

  it(
    'compiles or rejects deep nesting quickly, never a stack overflow',
    () => {
      const nesting = fc.constantFrom(
        (n: number) => `${'('.repeat(n)}true${')'.repeat(n)}`,
        (n: number) => `${'!'.repeat(n)}true`,
        (n: number) => `${'-'.repeat(n)}1 > 0`,
        (n: number) => `${'['.repeat(n)}${']'.repeat(n)} == []`,
        (n: number) => `${'true ? '.repeat(n)}true${' : false'.repeat(n)}`,
        (n: number) => `request${'.a'.repeat(n)} == 1`,
        (n: number) => `request${'.length'.repeat(n)} == 1`,
        (n: number) => `${'size('.repeat(n)}request${')'.repeat(n)} > 0`,
        (n: number) => `${'{"a": '.repeat(n)}1${'}'.repeat(n)} == {}`,
      );
      fc.assert(
        fc.property(nesting, fc.integer({ min: 300, max: 100_000 }), request, (build, depth, body) => {
          const { condition, error } = compile(build(depth));
          if (condition === undefined) {
            expect(InvalidConfigError.isInstance(error), String(error)).toBe(true);
            return;
          }
          try {
            condition({ request: body, metadata: {} });
          } catch (failure) {
            expect(failure).toBeInstanceOf(Error);
            expect(String(failure)).not.toMatch(/call stack/);
          }
        }),
        fuzzParameters({ runs: 20 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'evaluates generated routing conditions as CEL defines them, on any request',
    () => {
      fc.assert(
        fc.property(expression, request, metadata, (generated, body, meta) => {
          const condition = cel(generated.text);
          const expected = generated.evaluate({ request: body, metadata: meta });
          let actual: Outcome;
          try {
            actual = condition({ request: body, metadata: meta, memo: new Map() });
          } catch {
            actual = 'error';
          }
          expect(actual, generated.text).toBe(expected);
        }),
        fuzzParameters({ runs: 400 }),
      );
    },
    fuzzTimeout(15_000),
  );
});
