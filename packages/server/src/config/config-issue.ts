/** One problem found in a configuration file. */
export interface ConfigIssue {
  /** The file the problem is in; absent for configs given as objects. */
  file?: string;
  /** Where in the document, e.g. `strategies.smart-router.rules[1].condition`. */
  path: string;
  /** What was expected, e.g. `expected one of 'load_balance', 'fallback', 'conditional', 'single'`. */
  message: string;
  /** 1-based line and column of the value, when known. */
  line?: number;
  column?: number;
}

/** `switchyard.yaml:12:7 strategies.smart-router.rules[1].condition: expected …` */
export function formatConfigIssue(issue: ConfigIssue): string {
  const position = issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`;
  const where = issue.file === undefined ? '' : `${issue.file}${position} `;
  return `${where}${issue.path}: ${issue.message}`;
}
