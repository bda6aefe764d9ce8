/** Each word with the whitespace before it, plus trailing whitespace: joined, the pieces give back the text. */
const wordPattern = /\s*\S+|\s+$/g;

/**
 * Splits streamed text into deltas: one per word, or `chunkSize` code points each. Code points, not
 * UTF-16 units, so an emoji is never cut in half (a real provider never sends half a character).
 */
export function splitTextIntoDeltas(text: string, chunkSize: number | undefined): Array<string> {
  if (text === '') return [];
  if (chunkSize === undefined) return text.match(wordPattern) ?? [text];
  const codePoints = Array.from(text);
  const deltas: Array<string> = [];
  for (let start = 0; start < codePoints.length; start += chunkSize) {
    deltas.push(codePoints.slice(start, start + chunkSize).join(''));
  }
  return deltas;
}
