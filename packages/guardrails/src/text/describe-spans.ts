import type { Span } from '../check/guardrail-check.js';

/**
 * A reason naming what was found, without repeating personal data: blocked terms are quoted (they are the
 * policy's own words), other spans are counted by label.
 */
export function describeSpans(text: string, spans: ReadonlyArray<Span>): string {
  const terms = new Set<string>();
  const counts = new Map<string, number>();
  for (const span of spans) {
    if (span.label === 'KEYWORD') terms.add(text.slice(span.start, span.end).toLowerCase());
    else counts.set(span.label.toLowerCase(), (counts.get(span.label.toLowerCase()) ?? 0) + 1);
  }
  const parts: Array<string> = [];
  if (terms.size > 0) parts.push(`blocked terms: ${[...terms].join(', ')}`);
  if (counts.size > 0) {
    parts.push(`personal data: ${[...counts].map(([label, count]) => `${label} (${count})`).join(', ')}`);
  }
  return `Contains ${parts.join('; ')}.`;
}
