/**
 * Secrets a security test sends through the gateway, by name. Each is recognisable in full and by a
 * 16-character slice from its middle, so a truncated or partly masked copy is still found.
 */
export type Canaries = Readonly<Record<string, string>>;

/** The names of the canaries whose value, or the middle slice of it, appears in `text`. */
export function findCanaries(text: string, canaries: Canaries): Array<string> {
  return Object.entries(canaries)
    .filter(([, value]) => {
      const start = Math.max(0, Math.floor(value.length / 2) - 8);
      return text.includes(value) || text.includes(value.slice(start, start + 16));
    })
    .map(([name]) => name);
}
