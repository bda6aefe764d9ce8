export type TokenKind = 'number' | 'string' | 'duration' | 'identifier' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  position: number;
}

const PATTERNS: ReadonlyArray<readonly [TokenKind, RegExp]> = [
  ['duration', /^(?:\d+(?:ms|s|m|h|d|w|y))+(?![A-Za-z0-9_])/],
  ['number', /^(?:0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?![A-Za-z_:])/],
  ['string', /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)/],
  // Metric names may contain ':' (recording rules), but not start with one here: '[1h:5m]' must split.
  ['identifier', /^[A-Za-z_][A-Za-z0-9_:]*/],
  ['punct', /^(?:==|!=|=~|!~|>=|<=|[-+*/%^<>=(){}[\],:@])/],
];

/** Splits a PromQL expression into tokens; throws at the first character that starts none. */
export function tokenizePromql(source: string): Array<Token> {
  const tokens: Array<Token> = [];
  let position = 0;
  while (position < source.length) {
    const rest = source.slice(position);
    const space = /^(?:\s+|#[^\n]*)/.exec(rest);
    if (space !== null) {
      position += space[0].length;
      continue;
    }
    const match = PATTERNS.map(([kind, pattern]) => [kind, pattern.exec(rest)] as const).find(
      ([, found]) => found !== null,
    );
    const text = match?.[1]?.[0];
    if (match === undefined || text === undefined) {
      throw new SyntaxError(`Unexpected character '${rest[0]}' at ${position}`);
    }
    tokens.push({ kind: match[0], text, position });
    position += text.length;
  }
  tokens.push({ kind: 'eof', text: '', position });
  return tokens;
}
