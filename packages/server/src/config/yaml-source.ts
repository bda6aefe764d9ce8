import { type Document, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
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
  // `yaml`'s own duplicate-key check compares each key with every key before it (quadratic in a map's
  // size: seconds for a few thousand keys); `findDuplicateKeys` does it in one pass.
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true });
  for (const error of document.errors) {
    const [position] = error.linePos ?? [];
    issues.push({
      ...(file === undefined ? {} : { file }),
      path: '(yaml)',
      message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
      ...(position === undefined ? {} : { line: position.line, column: position.col }),
    });
  }
  const duplicates = findDuplicateKeys(document, lines, file);
  issues.push(...duplicates);
  const ok = document.errors.length === 0 && duplicates.length === 0;
  const value = ok ? toPlainData(document, file, issues) : undefined;
  return { file, document, lines, value };
}

/** A key written twice in one map (`1` and `"1"` count as the same: they are one key once loaded). */
const findDuplicateKeys = (
  document: Document,
  lines: LineCounter,
  file: string | undefined,
): Array<ConfigIssue> => {
  const issues: Array<ConfigIssue> = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const name = isScalar(key) ? String(key.value) : key;
        if (!seen.has(name)) {
          seen.add(name);
          continue;
        }
        const start = isNode(key) ? key.range?.[0] : undefined;
        const position = start === undefined ? undefined : lines.linePos(start);
        issues.push({
          ...(file === undefined ? {} : { file }),
          path: '(yaml)',
          message: 'Map keys must be unique',
          ...(position === undefined ? {} : { line: position.line, column: position.col }),
        });
      }
    },
  });
  return issues;
};

/**
 * The document as plain data. `toJS` throws (a `ReferenceError`) for an alias to an anchor that is not
 * defined before it and for aliases expanding past `maxAliasCount` (a "billion laughs" document); both
 * are problems in the file, reported like parse errors.
 */
const toPlainData = (document: Document, file: string | undefined, issues: Array<ConfigIssue>): unknown => {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    issues.push({
      ...(file === undefined ? {} : { file }),
      path: '(yaml)',
      message: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
};

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
