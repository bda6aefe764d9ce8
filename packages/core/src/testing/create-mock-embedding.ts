/** 32-bit FNV-1a: tiny, fast, and identical on every runtime (no `crypto` needed, which is async on the web). */
const hashString = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let position = 0; position < text.length; position++) {
    hash ^= text.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

/** mulberry32: a seeded generator of numbers in [0, 1), so one word always yields the same vector. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * A deterministic unit-length vector for `text`. Each lower-cased word contributes a pseudo-random
 * vector seeded by its hash, and the sum is normalised; so equal texts give equal vectors, and texts
 * that share words point in similar directions, which lets semantic-cache tests run without a model.
 */
export function createMockEmbedding(text: string, dimensions: number): Array<number> {
  // Text without words (punctuation, empty) still gets its own vector from the raw string.
  const words = text.toLowerCase().match(wordPattern) ?? [text];
  let vector = new Array<number>(dimensions).fill(0);
  for (const word of words) {
    const random = seededRandom(hashString(word));
    vector = vector.map((value) => value + random() * 2 - 1);
  }
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  // A zero sum is astronomically unlikely, but a unit vector is promised, so fall back to an axis.
  if (length === 0) return vector.map((_value, index) => (index === 0 ? 1 : 0));
  return vector.map((value) => value / length);
}
