import { seededRandom } from './seeded-random.js';

export type SoakRoute = 'soak-fallback' | 'soak-balanced' | 'soak-single';

/** One request of the soak, fully decided by the seed and its index. */
export interface SoakRequestSpec {
  readonly index: number;
  /** Also the `idempotency-key` the gateway sends, which keys the chaos server's plans. */
  readonly traceId: string;
  readonly route: SoakRoute;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly prompt: string;
  /** `false` sends `cache: false` (the cache is bypassed). */
  readonly cache: boolean;
  /** Streams only: stop reading after two chunks (the server trickles the answer so it cannot finish first). */
  readonly abandon: boolean;
}

/** Prompts repeated across the run, so the exact cache gets hits. */
const HOT_PROMPTS = 256;

/**
 * The request mix: 55% fallback over three targets, 30% load-balanced with a fallback, 15% one target
 * without retries; half streamed (3 in 4 with `include_usage`); 40% from a pool of hot prompts; 5% with
 * the cache off; 3% of streams abandoned by the caller.
 */
export function soakRequestSpec(seed: string, index: number): SoakRequestSpec {
  const random = seededRandom(`${seed}|request|${index}`);
  const routeDraw = random();
  const route: SoakRoute =
    routeDraw < 0.55 ? 'soak-fallback' : routeDraw < 0.85 ? 'soak-balanced' : 'soak-single';
  const stream = random() < 0.5;
  const includeUsage = stream && random() < 0.75;
  const abandon = stream && random() < 0.03;
  const hot = random() < 0.4;
  const prompt = hot ? `hot-${Math.floor(random() * HOT_PROMPTS)}` : `unique-${index}`;
  return {
    index,
    traceId: `soak-${seed}-${index}`,
    route,
    stream,
    includeUsage,
    prompt,
    // Abandoned streams always reach a provider, so the server sees each of them.
    cache: !abandon && random() >= 0.05,
    abandon,
  };
}
