import type { ModelPrice } from './model-price.js';
import type { PriceTier } from './price-row.js';
import type { PricedUsage } from './priced-usage.js';

const clamp = (value: number | undefined, max: number): number =>
  value === undefined || !(value > 0) ? 0 : Math.min(value, max);

const tierFor = (
  tiers: ReadonlyArray<PriceTier> | undefined,
  promptTokens: number,
): PriceTier | undefined => {
  if (tiers === undefined) return undefined;
  let chosen: PriceTier | undefined;
  for (const tier of tiers) if (promptTokens > tier.aboveInputTokens) chosen = tier;
  return chosen;
};

/** Rounds away float noise (0.1 + 0.2) at a ten-billionth of a dollar. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e10) / 1e10;

/**
 * USD for one call: uncached prompt tokens at the input price, cached ones at the cache-read price,
 * cache writes at the cache-write price, completion tokens at the output price with reasoning tokens at
 * the reasoning price when the model has one. Long prompts use their tier's prices.
 */
export function computeCost(price: ModelPrice, usage: PricedUsage): number {
  const prompt = Math.max(0, usage.prompt_tokens);
  const completion = Math.max(0, usage.completion_tokens);
  const tier = tierFor(price.tiers, prompt);
  const input = tier?.input ?? price.input;
  const output = tier?.output ?? price.output;
  const cacheRead = tier?.cacheRead ?? price.cacheRead ?? input;
  const cacheWrite = tier?.cacheWrite ?? price.cacheWrite ?? input;
  const reasoningPrice = price.reasoning ?? output;

  const cached = clamp(usage.prompt_tokens_details?.cached_tokens, prompt);
  const written = clamp(usage.prompt_tokens_details?.cache_write_tokens, prompt - cached);
  const reasoning = clamp(usage.completion_tokens_details?.reasoning_tokens, completion);
  const cost =
    (prompt - cached - written) * input +
    cached * cacheRead +
    written * cacheWrite +
    (completion - reasoning) * output +
    reasoning * reasoningPrice;
  return roundUsd(cost);
}
