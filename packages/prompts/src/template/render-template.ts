import type { TemplateSegment } from './parse-template.js';

/** What a variable resolved to: its text, or why there is none. */
export type VariableLookup = { ok: true; text: string } | { ok: false; reason: 'missing' | 'invalid' };

/**
 * Joins a parsed template, replacing each tag with `lookup(tag)`. One pass over the template: a value
 * that itself contains `{{…}}` is inserted as is, never expanded again. A tag whose lookup fails is
 * recorded in `failures` (the caller reports them all at once) and contributes no text.
 */
export function renderTemplate(
  segments: ReadonlyArray<TemplateSegment>,
  lookup: (segment: Extract<TemplateSegment, { type: 'variable' }>) => VariableLookup,
  failures: Map<string, 'missing' | 'invalid'>,
): string {
  let text = '';
  for (const segment of segments) {
    if (segment.type === 'text') {
      text += segment.text;
      continue;
    }
    const value = lookup(segment);
    if (value.ok) text += value.text;
    else failures.set(segment.path, value.reason);
  }
  return text;
}
