import type { Span } from '../check/guardrail-check.js';
import type { PlaceholderVault } from './placeholder-vault.js';
import { removeOverlaps } from './remove-overlaps.js';
import { replaceSpans } from './replace-spans.js';

/** Between the texts of two messages when they are checked as one text. */
export const SEGMENT_SEPARATOR = '\n\n';

/** Several texts (message contents) checked as one; spans found in the joined text map back to each. */
export class TextSegments {
  readonly joined: string;
  private readonly offsets: Array<number> = [];

  constructor(readonly texts: ReadonlyArray<string>) {
    this.joined = texts.join(SEGMENT_SEPARATOR);
    let offset = 0;
    for (const text of texts) {
      this.offsets.push(offset);
      offset += text.length + SEGMENT_SEPARATOR.length;
    }
  }

  /**
   * Each text with the spans (in joined coordinates) masked. A span that crosses a separator gets its
   * placeholder in the first text it touches; its parts in later texts are removed.
   */
  mask(spans: ReadonlyArray<Span>, vault: PlaceholderVault, restorable: boolean): Array<string> {
    const ordered = removeOverlaps(spans);
    return this.texts.map((text, index) => {
      const start = this.offsets[index] ?? 0;
      const end = start + text.length;
      const replacements = new Map<Span, string>();
      for (const span of ordered) {
        if (span.end <= start || span.start >= end) continue;
        const local = {
          start: Math.max(span.start, start) - start,
          end: Math.min(span.end, end) - start,
          label: span.label,
        };
        const value = this.joined.slice(span.start, span.end);
        replacements.set(local, span.start < start ? '' : vault.placeholder(span.label, value, restorable));
      }
      return replaceSpans(text, [...replacements.keys()], (span) => replacements.get(span) ?? '');
    });
  }
}
