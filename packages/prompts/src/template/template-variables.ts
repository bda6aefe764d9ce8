import type { PromptMessage } from '../prompt-version.js';
import { mapMessageTemplates } from './map-message-templates.js';
import { parseTemplate } from './parse-template.js';

/**
 * Checks every template of a prompt (throwing `InvalidPromptError` for a malformed tag) and returns the
 * variable paths it uses, in order of first use.
 */
export function templateVariables(messages: ReadonlyArray<PromptMessage>): Array<string> {
  const variables = new Set<string>();
  mapMessageTemplates(messages, (template, param) => {
    for (const segment of parseTemplate(template, param)) {
      if (segment.type === 'variable') variables.add(segment.path);
    }
    return template;
  });
  return [...variables];
}
