const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a route address (`smart-router`, `openai-primary/gpt-4o`) matches a key's allowed pattern:
 * a name, or a glob with `*` (`openai-primary/*`, `*`).
 */
export function matchesRoutePattern(pattern: string, address: string): boolean {
  if (!pattern.includes('*')) return pattern === address;
  return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(address);
}
