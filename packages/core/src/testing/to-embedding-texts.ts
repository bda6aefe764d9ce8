import type { EmbeddingCreateParams } from '../types/embeddings.js';

const isTokenList = (input: ReadonlyArray<unknown>): input is ReadonlyArray<number> =>
  input.every((item) => typeof item === 'number');

/**
 * The texts to embed, one per vector to return. Token-id input (`number[]` is one input,
 * `number[][]` several) is keyed by its ids, so equal token lists get equal vectors.
 */
export function toEmbeddingTexts(input: EmbeddingCreateParams['input']): Array<string> {
  if (typeof input === 'string') return [input];
  if (input.length === 0) return [];
  if (isTokenList(input)) return [input.join(' ')];
  return input.map((item: string | ReadonlyArray<number>) =>
    typeof item === 'string' ? item : item.join(' '),
  );
}
