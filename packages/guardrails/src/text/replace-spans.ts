import type { Span } from '../check/guardrail-check.js';

/** `text` with each span replaced by `replacement(span)`; overlapping later spans are skipped. */
export function replaceSpans(
  text: string,
  spans: ReadonlyArray<Span>,
  replacement: (span: Span) => string,
): string {
  if (spans.length === 0) return text;
  const ordered = spans.length === 1 ? spans : [...spans].sort((a, b) => a.start - b.start);
  let result = '';
  let position = 0;
  for (const span of ordered) {
    if (span.start < position) continue;
    result += text.slice(position, span.start) + replacement(span);
    position = span.end;
  }
  return result + text.slice(position);
}
