import { InvalidConfigError, type Pricing } from '@switchyard/core';
import { GENERATED_PRICES } from '../generated/model-prices.js';
import { computeCost } from './compute-cost.js';
import { type FindPriceQuery, findPrice } from './find-price.js';
import type { ModelPrice, ResolvedPrice } from './model-price.js';
import { buildPriceIndex, type PriceIndex } from './price-index.js';
import type { PricedUsage } from './priced-usage.js';

export interface PriceTableOptions {
  /**
   * Prices merged on top of the generated table, keyed by model id (`gpt-4o`) or `provider/model`
   * (`azure/my-gpt4o-deployment`, where `provider` is the adapter's family or its key in `providers`).
   * A key that names a known model may set only the fields that differ; any other key is a custom model
   * and needs `input` and `output`. USD per token. Default: none.
   */
  prices?: Readonly<Record<string, Partial<ModelPrice>>>;
}

export interface PriceTable {
  /** The price of a model, or undefined when neither the overrides nor the generated table know it. */
  lookup(query: FindPriceQuery): ResolvedPrice | undefined;
  /** USD for one call, or undefined when the model's price is unknown. */
  cost(query: FindPriceQuery & { usage: PricedUsage }): number | undefined;
  /** The same as `cost`, in the shape `createGateway({ pricing })` takes. */
  readonly pricing: Pricing;
}

const MAX_CACHED_LOOKUPS = 4096;
const PRICE_FIELDS: ReadonlyArray<Exclude<keyof ModelPrice, 'tiers'>> = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite',
  'reasoning',
  'contextWindow',
];

function checkPrice(key: string, price: Partial<ModelPrice>): void {
  for (const field of PRICE_FIELDS) {
    const value = price[field];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new InvalidConfigError(
        `prices['${key}'].${field} must be a non-negative number (USD per token).`,
      );
    }
  }
}

function resolveOverrides(
  prices: Readonly<Record<string, Partial<ModelPrice>>>,
  index: () => PriceIndex,
): Map<string, ResolvedPrice> {
  const resolved = new Map<string, ResolvedPrice>();
  for (const [key, price] of Object.entries(prices)) {
    checkPrice(key, price);
    const { input, output } = price;
    if (input !== undefined && output !== undefined) {
      const base = findPrice(index(), { model: key });
      resolved.set(key.toLowerCase(), {
        ...base,
        ...price,
        input,
        output,
        provider: base?.provider ?? 'custom',
        model: key,
        source: base === undefined ? 'custom' : 'override',
      });
      continue;
    }
    const base = findPrice(index(), { model: key });
    if (base === undefined) {
      throw new InvalidConfigError(
        `prices['${key}'] matches no known model, so it is a custom model and needs both input and output (USD per token).`,
      );
    }
    resolved.set(key.toLowerCase(), {
      ...base,
      ...price,
      input: input ?? base.input,
      output: output ?? base.output,
      model: key,
      source: 'override',
    });
  }
  return resolved;
}

/**
 * A price table: the generated prices of 800+ chat models with user prices merged on top. Lookups
 * resolve aliases, dated snapshots, provider prefixes and Bedrock ids, and are cached per table.
 */
export function createPriceTable(options: PriceTableOptions = {}): PriceTable {
  let index: PriceIndex | undefined;
  const getIndex = (): PriceIndex => {
    index ??= buildPriceIndex(GENERATED_PRICES);
    return index;
  };
  const overrides =
    options.prices === undefined
      ? new Map<string, ResolvedPrice>()
      : resolveOverrides(options.prices, getIndex);
  // provider → provider key → model → price (null: unknown). Nested maps: no key string to build per call.
  const cache = new Map<string, Map<string, Map<string, ResolvedPrice | null>>>();
  let cached = 0;

  const findOverride = (query: FindPriceQuery): ResolvedPrice | undefined => {
    if (overrides.size === 0) return undefined;
    const model = query.model.toLowerCase();
    for (const prefix of [query.provider, query.providerKey]) {
      const found = prefix === undefined ? undefined : overrides.get(`${prefix.toLowerCase()}/${model}`);
      if (found !== undefined) return found;
    }
    return overrides.get(model);
  };

  const lookup = (query: FindPriceQuery): ResolvedPrice | undefined => {
    const byKey = cache.get(query.provider ?? '');
    const byModel = byKey?.get(query.providerKey ?? '');
    const hit = byModel?.get(query.model);
    if (hit !== undefined) return hit ?? undefined;
    const found = findOverride(query) ?? findPrice(getIndex(), query);
    if (cached >= MAX_CACHED_LOOKUPS) {
      cache.clear();
      cached = 0;
    }
    remember(query, found ?? null);
    return found;
  };

  const remember = (query: FindPriceQuery, price: ResolvedPrice | null): void => {
    const provider = query.provider ?? '';
    const providerKey = query.providerKey ?? '';
    let byKey = cache.get(provider);
    if (byKey === undefined) {
      byKey = new Map();
      cache.set(provider, byKey);
    }
    let byModel = byKey.get(providerKey);
    if (byModel === undefined) {
      byModel = new Map();
      byKey.set(providerKey, byModel);
    }
    byModel.set(query.model, price);
    cached++;
  };

  const cost = (query: FindPriceQuery & { usage: PricedUsage }): number | undefined => {
    const price = lookup(query);
    return price === undefined ? undefined : computeCost(price, query.usage);
  };

  return { lookup, cost, pricing: cost };
}
