import { InvalidConfigError } from '@switchyard/core';
import { type ConfigIssue, formatConfigIssue } from './config-issue.js';

/**
 * A configuration that cannot be used. The message lists every problem, each with its file, path and
 * what was expected; `issues` has them as data.
 */
export class ConfigError extends InvalidConfigError {
  static override readonly errorName: string = 'ConfigError';
  readonly issues: ReadonlyArray<ConfigIssue>;

  constructor(issues: ReadonlyArray<ConfigIssue>, options: { cause?: unknown } = {}) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      `Invalid configuration (${count}):\n${issues.map((issue) => `  - ${formatConfigIssue(issue)}`).join('\n')}`,
      options,
    );
    this.issues = issues;
  }
}
