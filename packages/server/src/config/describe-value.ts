/** Names a value's kind for an error message without echoing it (it may hold a substituted secret). */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  return `${typeof value} ${String(value)}`;
}
