import type { ChaosReply } from './chaos-reply.js';
import { SOAK_PRICES } from './soak-prices.js';

/**
 * The cost of one answered call, recomputed from the usage the server sent and `SOAK_PRICES`:
 * uncached prompt tokens × input + cached tokens × cache read + completion tokens × output.
 */
export function soakCost(model: string, reply: ChaosReply): number {
  const price = SOAK_PRICES[model];
  if (price === undefined) throw new Error(`No soak price for model '${model}'.`);
  return (
    (reply.promptTokens - reply.cachedTokens) * price.input +
    reply.cachedTokens * price.cacheRead +
    reply.completionTokens * price.output
  );
}
