import { fileURLToPath } from 'node:url';

/** The shared data file, next to the repository: `<repo>/../shared/data/…`. */
export const defaultPriceDataPath = fileURLToPath(
  new URL('../../../../shared/data/model_prices_and_context_window.json', import.meta.url),
);

export const priceModulePath = new URL('../src/generated/model-prices.ts', import.meta.url);

/** The workspace's Biome, to format the generated module like the rest of the code. */
export const biomeBinPath = new URL('../../../node_modules/.bin/biome', import.meta.url);
