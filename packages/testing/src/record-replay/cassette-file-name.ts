const slug = (value: string): string =>
  value
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 60) || '_';

/** The prefix every cassette of one wrapped adapter starts with. */
export const cassettePrefix = (provider: string): string => `${slug(provider)}-`;

/**
 * `<provider>-<model>-<hash12>`: stable for a given request, readable in a directory listing. The n-th
 * identical request of a run (n ≥ 2, e.g. a retry) gets `.<n>` appended, so each keeps its own response.
 */
export function cassetteBaseName(provider: string, modelId: string, key: string, occurrence = 1): string {
  const base = `${cassettePrefix(provider)}${slug(modelId)}-${key.slice(0, 12)}`;
  return occurrence > 1 ? `${base}.${occurrence}` : base;
}
