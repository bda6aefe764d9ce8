import type { Span, SpanScanner } from '../check/guardrail-check.js';
import type { TextStage } from './text-stage.js';

/** Released text kept as left context, so word boundaries and `key = value` prefixes are seen across chunks. */
const CONTEXT_CHARS = 64;
/**
 * Held text up to this length is rescanned on every chunk. Past it (a match still growing, such as a long
 * key after `token=`), a rescan waits until the held text has doubled: rescanning it per chunk would be
 * quadratic. Waiting only merges chunks, which changes nothing in what is released.
 */
const RESCAN_EVERY_CHUNK_CHARS = 1024;

/**
 * Runs a span scanner over a stream of text. Text is released as soon as no match can still change it:
 * the scanner's `holdBack` (how much of the end could be a match still forming) and any match that reaches
 * into that end are kept back. `apply` turns released text and the matches in it into what goes out
 * (masked, or an error thrown for `block`).
 */
export class ScannerStage implements TextStage {
  private pending = '';
  private context = '';
  /** Length of `pending` when a scan last released nothing. */
  private stalledAt = 0;

  constructor(
    private readonly scanner: SpanScanner,
    private readonly apply: (text: string, spans: ReadonlyArray<Span>) => string,
  ) {}

  push(text: string): string {
    this.pending += text;
    if (this.pending.length > RESCAN_EVERY_CHUNK_CHARS && this.pending.length < this.stalledAt * 2) return '';
    return this.release(false);
  }

  flush(): string {
    return this.release(true);
  }

  private release(final: boolean): string {
    if (this.pending === '') return '';
    const offset = this.context.length;
    const window = this.context + this.pending;
    const spans: Array<Span> = [];
    for (const span of this.scanner.find(window)) {
      if (span.end <= offset) continue;
      // A match reaching back into released text should not happen; masking its rest is the safe side.
      spans.push({ start: Math.max(span.start, offset) - offset, end: span.end - offset, label: span.label });
    }
    let safe = final
      ? this.pending.length
      : this.pending.length - Math.min(this.pending.length, this.scanner.holdBack(window));
    for (let moved = true; moved; ) {
      moved = false;
      for (const span of spans) {
        if (span.start < safe && span.end > safe) {
          safe = span.start;
          moved = true;
        }
      }
    }
    if (safe <= 0) {
      this.stalledAt = this.pending.length;
      return '';
    }
    this.stalledAt = 0;
    const head = this.pending.slice(0, safe);
    const released = this.apply(
      head,
      spans.filter((span) => span.end <= safe),
    );
    this.context = (this.context + head).slice(-CONTEXT_CHARS);
    this.pending = this.pending.slice(safe);
    return released;
  }
}
