/**
 * The length of the longest suffix of `text` that is a prefix of one of `terms` (a whole term included):
 * the characters a stream must hold back because a term could still be completing there.
 */
export function longestPendingPrefix(text: string, terms: ReadonlyArray<string>): number {
  let longest = 0;
  for (const term of terms) {
    const max = Math.min(term.length, text.length);
    for (let length = max; length > longest; length--) {
      if (text.endsWith(term.slice(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}
