/**
 * Prices above an input-token threshold (e.g. Gemini 2.5 Pro over 200k prompt tokens). Like the
 * providers, the whole request is billed at these prices once its prompt exceeds `aboveInputTokens`.
 */
export interface PriceTier {
  readonly aboveInputTokens: number;
  readonly input: number;
  readonly output: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
}

/** Rarely present price fields of a generated row. */
export interface PriceRowExtras {
  /** USD per reasoning token, when it differs from the output price. */
  readonly reasoning?: number;
  readonly tiers?: ReadonlyArray<PriceTier>;
}

/**
 * One model of the generated table, compact: the data file's key and USD-per-token prices
 * (input, output, cache read, cache write), then the context window.
 */
export type PriceRow = readonly [
  key: string,
  input: number,
  output: number,
  cacheRead: number | null,
  cacheWrite: number | null,
  contextWindow: number | null,
  extras?: PriceRowExtras,
];
