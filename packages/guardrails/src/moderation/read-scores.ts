/** `value` as category scores when it is an object of numbers between 0 and 1; otherwise `undefined`. */
export function readScores(value: unknown): Record<string, number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const scores: Record<string, number> = {};
  for (const [name, score] of Object.entries(value)) {
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) return undefined;
    scores[name] = score;
  }
  return scores;
}

/** The field `key` of `value` when `value` is an object. */
export function readField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.entries(value).find(([name]) => name === key)?.[1];
}
