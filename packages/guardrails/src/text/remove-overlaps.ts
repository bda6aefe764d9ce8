import type { Span } from '../check/guardrail-check.js';

/**
 * Non-overlapping spans in text order: of overlapping spans the one starting first wins, then the longer,
 * then the one found first (detectors run in priority order).
 */
export function removeOverlaps(spans: ReadonlyArray<Span>): Array<Span> {
  if (spans.length < 2) return [...spans];
  const ordered = spans
    .map((span, order) => ({ span, order }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.order - b.order);
  const kept: Array<Span> = [];
  let end = -1;
  for (const { span } of ordered) {
    if (span.start < end) continue;
    kept.push(span);
    end = span.end;
  }
  return kept;
}
