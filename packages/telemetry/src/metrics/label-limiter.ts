/** The value a label gets once it has seen `maxValues` distinct values. */
export const OVERFLOW_LABEL_VALUE = 'other';

const MAX_LABEL_LENGTH = 120;

/**
 * Bounds the cardinality of metric labels: each label keeps at most `maxValues` distinct values (each
 * scrubbed and cut to 120 characters once); later new values are reported as `other`. Routes, models
 * and check names are configuration in practice, but a bare model name comes from the caller.
 */
export class LabelLimiter {
  private readonly values = new Map<string, Map<string, string>>();
  private readonly maxValues: number;
  private readonly clean: (value: string) => string;

  constructor(maxValues: number, clean: (value: string) => string) {
    this.maxValues = Math.max(1, maxValues);
    this.clean = clean;
  }

  value(label: string, raw: string): string {
    let seen = this.values.get(label);
    if (seen === undefined) {
      seen = new Map();
      this.values.set(label, seen);
    }
    const known = seen.get(raw);
    if (known !== undefined) return known;
    if (seen.size >= this.maxValues) return OVERFLOW_LABEL_VALUE;
    const cleaned = this.clean(raw).slice(0, MAX_LABEL_LENGTH);
    seen.set(raw, cleaned);
    return cleaned;
  }
}
