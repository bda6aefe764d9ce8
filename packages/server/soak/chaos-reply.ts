import { seededRandom } from './seeded-random.js';

/** The answer the chaos server gives to a prompt, and the usage it reports for it. */
export interface ChaosReply {
  readonly text: string;
  /** `text` split the way the server streams it: one content delta per word. */
  readonly deltas: ReadonlyArray<string>;
  readonly promptTokens: number;
  /** Part of `promptTokens`, billed at the cache-read price. */
  readonly cachedTokens: number;
  readonly completionTokens: number;
}

const WORDS = ['switch', 'yard', 'route', 'retry', 'fallback', 'cache', 'ledger', 'span', 'token', 'chaos'];

/**
 * A deterministic answer per prompt, the same from every provider: the soak checks each answer (cache
 * hits included) against it, so a response served for the wrong prompt is caught.
 */
export function chaosReply(prompt: string): ChaosReply {
  const random = seededRandom(`reply:${prompt}`);
  const count = 3 + Math.floor(random() * 10);
  const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'x');
  const deltas = [`Re ${prompt}:`, ...words.map((word) => ` ${word}`)];
  const promptTokens = 12 + Math.floor(random() * 60);
  const cachedTokens = random() < 0.3 ? Math.floor(promptTokens / 2) : 0;
  return {
    text: deltas.join(''),
    deltas,
    promptTokens,
    cachedTokens,
    completionTokens: deltas.length,
  };
}
