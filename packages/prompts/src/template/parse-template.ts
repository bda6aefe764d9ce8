import { InvalidPromptError } from '../errors/invalid-prompt-error.js';

export type TemplateSegment =
  | { type: 'text'; text: string }
  /** `path` as written (`user.name`); `keys` its dot-separated parts. */
  | { type: 'variable'; path: string; keys: ReadonlyArray<string> };

const VARIABLE_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

/**
 * Splits a template into text and `{{variable}}` tags. `{{{variable}}}` (Mustache's unescaped form) means
 * the same, since nothing is ever HTML-escaped. Only variable names and dotted paths are tags: sections,
 * partials, comments and expressions (`{{#items}}`, `{{> header}}`, `{{a + b}}`) are rejected rather than
 * printed, so a prompt written for a template language with logic fails at deploy, not in production.
 * `param` names the field in errors, e.g. `messages[1].content`.
 */
export function parseTemplate(template: string, param: string): Array<TemplateSegment> {
  const segments: Array<TemplateSegment> = [];
  let position = 0;
  while (position < template.length) {
    const open = template.indexOf('{{', position);
    if (open === -1) break;
    if (open > position) segments.push({ type: 'text', text: template.slice(position, open) });
    const triple = template.startsWith('{{{', open);
    const closer = triple ? '}}}' : '}}';
    const start = open + (triple ? 3 : 2);
    const close = template.indexOf(closer, start);
    if (close === -1) {
      throw new InvalidPromptError(
        `Unclosed template tag '${excerpt(template.slice(open))}' in ${param}: expected '${closer}'.`,
        param,
      );
    }
    const path = template.slice(start, close).trim();
    if (!VARIABLE_PATH.test(path)) {
      throw new InvalidPromptError(
        `Unsupported template tag '${excerpt(template.slice(open, close + closer.length))}' in ${param}: templates are logic-less, only {{variable}} and {{object.field}} are allowed.`,
        param,
      );
    }
    segments.push({ type: 'variable', path, keys: path.split('.') });
    position = close + closer.length;
  }
  if (position < template.length) segments.push({ type: 'text', text: template.slice(position) });
  return segments;
}

const excerpt = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
