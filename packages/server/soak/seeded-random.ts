/** FNV-1a over the UTF-16 code units of `text`: a 32-bit seed for the generator below. */
const hashSeed = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/**
 * A deterministic pseudo-random generator (mulberry32) for a string seed: the same seed always gives
 * the same sequence of numbers in [0, 1). The soak derives one per request, per provider attempt and
 * per prompt, so each decision reproduces from `SOAK_SEED` whatever order concurrent requests run in.
 */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
