import type { Warning } from '@switchyard/core';
import { PromptVariableError } from '../errors/prompt-variable-error.js';
import type { PromptMessage, PromptVersion } from '../prompt-version.js';
import { lookupVariable } from '../template/lookup-variable.js';
import { mapMessageTemplates } from '../template/map-message-templates.js';
import { parseTemplate } from '../template/parse-template.js';
import { renderTemplate } from '../template/render-template.js';

/**
 * Fills a version's templates with `variables`. Every missing variable is reported in one
 * `PromptVariableError`; variables the template does not use come back as warnings.
 */
export function renderMessages(
  record: PromptVersion,
  variables: Readonly<Record<string, unknown>>,
): { messages: Array<PromptMessage>; warnings: Array<Warning> } {
  const used = new Set<string>();
  const failures = new Map<string, 'missing' | 'invalid'>();
  const messages = mapMessageTemplates(record.messages, (template, param) =>
    renderTemplate(
      parseTemplate(template, param),
      (tag) => {
        used.add(tag.keys[0] ?? tag.path);
        return lookupVariable(variables, tag.keys);
      },
      failures,
    ),
  );
  const prompt = `${record.name}@${record.version}`;
  for (const reason of ['missing', 'invalid'] as const) {
    const failed = [...failures].filter(([, failure]) => failure === reason).map(([path]) => path);
    if (failed.length > 0) throw new PromptVariableError({ reason, variables: failed, prompt });
  }
  const warnings: Array<Warning> = Object.keys(variables)
    .filter((key) => !used.has(key) && variables[key] !== undefined)
    .map((key) => ({
      type: 'other',
      setting: `promptVariables.${key}`,
      message: `Variable '${key}' is not used by prompt '${prompt}'.`,
    }));
  return { messages, warnings };
}
