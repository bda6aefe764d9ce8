import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { ConfigIssue } from './config-issue.js';
import { formatConfigPath } from './format-config-path.js';

/** One parsed configuration file, kept so problems can be reported with their line and column. */
export interface YamlSource {
  readonly file: string | undefined;
  readonly document: Document;
  readonly lines: LineCounter;
  /** The document as plain data; undefined when it did not parse. */
  readonly value: unknown;
}

export function parseYamlSource(
  text: string,
  file: string | undefined,
  issues: Array<ConfigIssue>,
): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  for (const error of document.errors) {
    const [position] = error.linePos ?? [];
    issues.push({
      ...(file === undefined ? {} : { file }),
      path: '(yaml)',
      message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
      ...(position === undefined ? {} : { line: position.line, column: position.col }),
    });
  }
  const value = document.errors.length === 0 ? document.toJS({ maxAliasCount: 100 }) : undefined;
  return { file, document, lines, value };
}

/** Places an issue found at `path` in its file, at the nearest node that exists there. */
export function locateIssue(
  source: YamlSource | undefined,
  path: ReadonlyArray<PropertyKey>,
  message: string,
): ConfigIssue {
  const issue: ConfigIssue = {
    ...(source?.file === undefined ? {} : { file: source.file }),
    path: formatConfigPath(path),
    message,
  };
  if (source === undefined) return issue;
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? source.document.contents : source.document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      const position = source.lines.linePos(node.range[0]);
      return { ...issue, line: position.line, column: position.col };
    }
  }
  return issue;
}
