const PLACEHOLDER = '\\[[A-Z][A-Z_]*_\\d{1,6}\\]';
const PARTIAL_PLACEHOLDER = /\[[A-Z_0-9]{0,40}$/;

/**
 * The placeholders of one request: the same value always gets the same placeholder (`[EMAIL_1]`), and
 * values masked with `restore` can be put back into the answer. Lives as long as its request.
 */
export class PlaceholderVault {
  private readonly placeholders = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly originals = new Map<string, string>();
  private readonly pattern = new RegExp(PLACEHOLDER, 'g');

  /** The placeholder for `value`; with `restorable`, `restore()` turns it back into `value`. */
  placeholder(label: string, value: string, restorable: boolean): string {
    const key = `${label}\u0000${value}`;
    let placeholder = this.placeholders.get(key);
    if (placeholder === undefined) {
      const count = (this.counters.get(label) ?? 0) + 1;
      this.counters.set(label, count);
      placeholder = `[${label}_${count}]`;
      this.placeholders.set(key, placeholder);
    }
    if (restorable) this.originals.set(placeholder, value);
    return placeholder;
  }

  /** Whether any value can be restored. */
  get restorable(): boolean {
    return this.originals.size > 0;
  }

  /** `text` with every restorable placeholder replaced by its original value. */
  restore(text: string): string {
    if (this.originals.size === 0 || !text.includes('[')) return text;
    return text.replace(this.pattern, (placeholder) => this.originals.get(placeholder) ?? placeholder);
  }

  /** Spans of restorable placeholders in `text`, for streams. */
  findPlaceholders(text: string): Array<{ start: number; end: number; label: string }> {
    const spans: Array<{ start: number; end: number; label: string }> = [];
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (this.originals.has(match[0])) {
        spans.push({ start: match.index, end: match.index + match[0].length, label: 'PLACEHOLDER' });
      }
    }
    return spans;
  }

  /** Characters at the end of `text` that could be the start of a placeholder. */
  static holdBack(text: string): number {
    const match = PARTIAL_PLACEHOLDER.exec(text);
    return match === null ? 0 : match[0].length;
  }
}
