import { Environment, parse } from '@marcbachmann/cel-js';
import { serialize } from '@marcbachmann/cel-js/serialize';
import { InvalidConfigError } from '../errors/gateway-errors.js';
import { isRecord } from '../internal/is-record.js';
import type { ChatMessage } from '../types/chat-request.js';
import type { Condition, ConditionInput } from './conditional.js';

export interface CelOptions {
  /** Where the expression came from, for errors, e.g. `strategies.smart-router.rules[1].condition`. */
  name?: string;
}

interface CelNode {
  op: string;
  args: unknown;
}

const isNode = (value: unknown): value is CelNode =>
  typeof value === 'object' &&
  value !== null &&
  'op' in value &&
  typeof value.op === 'string' &&
  'args' in value;

/**
 * CEL has `size(x)`, not `x.length`; routing rules are often written the JavaScript way
 * (`request.messages[0].content.length > 4000`). Field selections named `length` become a call of the
 * registered `length()`, which reads JavaScript's O(1) length (CEL's `size()` walks the whole string).
 */
const rewriteLength = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(rewriteLength);
  if (!isNode(node)) return node;
  const args = rewriteLength(node.args);
  if (node.op === '.' && Array.isArray(args) && args[1] === 'length') {
    return { op: 'call', args: ['length', [args[0]]] };
  }
  return { op: node.op, args };
};

const lengthOf = (value: unknown): bigint =>
  BigInt(typeof value === 'string' || Array.isArray(value) ? value.length : 0);

/**
 * Request fields a rule may name that a request often leaves out: present as `null` in CEL's view, so
 * `request.user == 'code-assistant'` is simply false instead of a "no such key" error per request.
 */
const OPTIONAL_FIELDS = [
  'user',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'n',
  'seed',
  'stop',
  'tools',
  'tool_choice',
  'response_format',
  'reasoning_effort',
  'stream',
  'metadata',
  'service_tier',
] as const;

const ABSENT_FIELDS: Readonly<Record<string, null>> = Object.fromEntries(
  OPTIONAL_FIELDS.map((field) => [field, null]),
);

const textOf = (content: ChatMessage['content']): string | null => {
  if (typeof content === 'string' || content === null || content === undefined) return content ?? null;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
};

const VIEW = 'cel:variables';

/** What CEL sees: the body with every message's content as plain text, and the metadata; built once per decision. */
const celVariables = (input: ConditionInput): Record<string, unknown> => {
  const cached = input.memo?.get(VIEW);
  if (isRecord(cached)) return cached;
  const { request, metadata } = input;
  const view: Record<string, unknown> = {
    ...ABSENT_FIELDS,
    ...request,
    messages: request.messages.map((message) => ({ ...message, content: textOf(message.content) })),
  };
  const variables: Record<string, unknown> = { request: view, metadata };
  input.memo?.set(VIEW, variables);
  return variables;
};

/**
 * Compiles a CEL expression (never `eval`) into a routing condition over `request` and `metadata`,
 * e.g. `request.user == 'code-assistant'`. `default` always matches. A malformed expression throws
 * `InvalidConfigError` naming where it came from.
 */
export function cel(expression: string, options: CelOptions = {}): Condition {
  if (expression.trim() === 'default') return () => true;
  const where = options.name === undefined ? '' : ` at ${options.name}`;
  let program: ReturnType<typeof parse>;
  try {
    const environment = new Environment({ unlistedVariablesAreDyn: true }).registerFunction(
      'length(dyn): int',
      lengthOf,
    );
    // `serialize` is typed for cel-js's AST class but reads only `op` and `args`, which the rewrite keeps.
    program = environment.parse(
      serialize(rewriteLength(parse(expression).ast) as Parameters<typeof serialize>[0]),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InvalidConfigError(
      `Invalid CEL expression${where}: ${JSON.stringify(expression)} — ${reason}`,
      {
        cause: error,
      },
    );
  }
  return (input) => program(celVariables(input)) === true;
}
