/** USD per token for the chaos server's models; passed to `spend({ prices })` and used to recompute costs. */
export interface SoakPrice {
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
}

/**
 * Custom models (unknown to the generated price table), so the spend tracker prices them from these rows
 * only and the soak can recompute every cost independently of the tracker's code.
 */
export const SOAK_PRICES: Readonly<Record<string, SoakPrice>> = {
  'soak-large': { input: 2.5e-6, output: 1e-5, cacheRead: 1.25e-6 },
  'soak-small': { input: 1.5e-7, output: 6e-7, cacheRead: 7.5e-8 },
  'soak-mini': { input: 5e-8, output: 2e-7, cacheRead: 2.5e-8 },
};
