const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;

/** `1h`, `30m`, `90s`, `1d`, `500ms` → ms; a bare number is seconds (as YAML writes `3600`). Undefined if invalid. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value.trim());
  const amount = Number(match?.[1]);
  const unit = UNITS[match?.[2] ?? ''];
  return unit === undefined || !(amount > 0) ? undefined : amount * unit;
}
