import { InvalidConfigError } from '@switchyard/core';
import { cel } from '@switchyard/core/cel';
import { formatConfigPath } from './format-config-path.js';
import type { RawIssue } from './raw-issue.js';
import type { ConfigDocument } from './schema/config-schema.js';

/** Compiles every conditional rule's CEL expression, so a typo fails `validate` rather than a request. */
export function checkConditions(config: ConfigDocument): Array<RawIssue> {
  const issues: Array<RawIssue> = [];
  for (const [name, strategy] of Object.entries(config.strategies ?? {})) {
    if (strategy.type !== 'conditional') continue;
    strategy.rules.forEach((rule, index) => {
      const path = ['strategies', name, 'rules', index, 'condition'];
      const where = formatConfigPath(path);
      try {
        cel(rule.condition, { name: where });
      } catch (error) {
        if (!InvalidConfigError.isInstance(error)) throw error;
        const message = error.message.replace(
          `Invalid CEL expression at ${where}: `,
          'invalid CEL expression ',
        );
        issues.push({
          path,
          message: `${message} (expected a CEL expression such as "request.user == 'code-assistant'" or "default")`,
        });
      }
    });
  }
  return issues;
}
