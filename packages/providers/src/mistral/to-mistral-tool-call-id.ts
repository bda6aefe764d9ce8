// Mistral only accepts tool call ids of exactly nine letters and digits (its own ids look like `gSIMJiOkT`).
const MISTRAL_ID = /^[a-zA-Z0-9]{9}$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Nine base-62 characters from two 32-bit FNV-1a hashes of `value`: stable across calls and processes. */
function hashToMistralId(value: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x811c9dc5) >>> 0;
  }
  let id = '';
  for (let i = 0; i < 9; i += 1) {
    const source = i % 2 === 0 ? first : second;
    id += ALPHABET[source % 62];
    if (i % 2 === 0) first = Math.floor(first / 62) ^ Math.imul(second, 31);
    else second = Math.floor(second / 62) ^ Math.imul(first, 17);
    first >>>= 0;
    second >>>= 0;
  }
  return id;
}

/**
 * Returns a mapper from tool call ids (from any provider, e.g. OpenAI's `call_…`) to ids Mistral accepts.
 * Valid ids are kept; others are hashed, so an assistant's tool call and the tool message answering it
 * get the same id in one request and across requests. Distinct ids never share a result within a mapper.
 */
export function createMistralToolCallIds(): (id: string) => string {
  const byOriginal = new Map<string, string>();
  const taken = new Set<string>();
  return (id) => {
    const known = byOriginal.get(id);
    if (known !== undefined) return known;
    let candidate = MISTRAL_ID.test(id) ? id : hashToMistralId(id);
    for (let attempt = 1; taken.has(candidate); attempt += 1) candidate = hashToMistralId(`${id}#${attempt}`);
    byOriginal.set(id, candidate);
    taken.add(candidate);
    return candidate;
  };
}
