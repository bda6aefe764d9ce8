import type { PriceTier } from './price-row.js';

/** What one model costs. Every price is USD per token (2.5e-6 = $2.50 per million tokens). */
export interface ModelPrice {
  /** Prompt tokens not served from or written to a cache. */
  input: number;
  /** Completion tokens (reasoning tokens too, unless `reasoning` is set). */
  output: number;
  /** Prompt tokens read from the provider's prompt cache. Default: `input`. */
  cacheRead?: number;
  /** Prompt tokens written to the provider's prompt cache. Default: `input`. */
  cacheWrite?: number;
  /** Reasoning tokens. Default: `output`. */
  reasoning?: number;
  /** Maximum prompt tokens. */
  contextWindow?: number;
  /** Higher prices for long prompts, lowest threshold first. */
  tiers?: ReadonlyArray<PriceTier>;
}

/** A price the table found, with where it came from. */
export interface ResolvedPrice extends ModelPrice {
  /** The provider family whose row matched (`openai`, `bedrock`…), or `custom`. */
  provider: string;
  /** The table key that matched (the data file's key, or the key of `prices`). */
  model: string;
  source: 'table' | 'override' | 'custom';
}
