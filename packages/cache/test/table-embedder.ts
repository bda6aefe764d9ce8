import type { EmbedFunction } from '../src/index.js';

/**
 * A deterministic embedder for tests: each known text maps to a fixed vector, so similarities are
 * exact numbers chosen by the test (real semantic matching needs a real embedding model). Records calls.
 */
export function tableEmbedder(
  table: Record<string, ReadonlyArray<number>>,
): EmbedFunction & { calls: Array<string> } {
  const calls: Array<string> = [];
  const embed = async (texts: Array<string>) => {
    calls.push(...texts);
    return texts.map((text) => {
      const vector = table[text];
      if (vector === undefined) throw new Error(`tableEmbedder: no vector for '${text}'`);
      return vector;
    });
  };
  return Object.assign(embed, { calls });
}
