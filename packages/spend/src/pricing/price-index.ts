import { baseModelId } from './base-model-id.js';
import type { ResolvedPrice } from './model-price.js';
import type { PriceRow } from './price-row.js';
import { isPricedProvider, PRICED_PROVIDERS, type PricedProvider } from './priced-provider.js';

/** The rows of one provider family by model id, lowercase. */
export interface FamilyIndex {
  /** Model id (the data-file key without its provider prefix) → price. */
  readonly exact: ReadonlyMap<string, ResolvedPrice>;
  /** Id without snapshot suffix → the latest snapshot's price (`claude-sonnet-4` → `…-20250514`). */
  readonly base: ReadonlyMap<string, ResolvedPrice>;
  /** Last path segment of ids with a namespace (`meta-llama/llama-3.3-70b` → `llama-3.3-70b`). */
  readonly lastSegment: ReadonlyMap<string, ResolvedPrice>;
}

export type PriceIndex = ReadonlyMap<PricedProvider, FamilyIndex>;

export const lastPathSegment = (id: string): string => id.slice(id.lastIndexOf('/') + 1);

const toResolved = (family: PricedProvider, row: PriceRow): ResolvedPrice => {
  const [key, input, output, cacheRead, cacheWrite, contextWindow, extras] = row;
  const price: ResolvedPrice = { provider: family, model: key, source: 'table', input, output };
  if (cacheRead !== null) price.cacheRead = cacheRead;
  if (cacheWrite !== null) price.cacheWrite = cacheWrite;
  if (contextWindow !== null) price.contextWindow = contextWindow;
  if (extras?.reasoning !== undefined) price.reasoning = extras.reasoning;
  if (extras?.tiers !== undefined) price.tiers = extras.tiers;
  return price;
};

/** The data-file key without the `litellm_provider/` prefix the file puts on non-first-party models. */
const modelIdOf = (family: PricedProvider, key: string): string => {
  const id = key.toLowerCase();
  const slash = id.indexOf('/');
  if (slash === -1) return id;
  const prefix = id.slice(0, slash);
  return PRICED_PROVIDERS[family].includes(prefix) || prefix === family ? id.slice(slash + 1) : id;
};

function indexFamily(family: PricedProvider, rows: ReadonlyArray<PriceRow>): FamilyIndex {
  const exact = new Map<string, ResolvedPrice>();
  const base = new Map<string, ResolvedPrice>();
  const baseIds = new Map<string, string>();
  const lastSegment = new Map<string, ResolvedPrice>();
  for (const row of rows) {
    const id = modelIdOf(family, row[0]);
    const price = toResolved(family, row);
    // The first row for an id wins: rows come in the family's order of preferred sources.
    if (!exact.has(id)) exact.set(id, price);
    const stem = baseModelId(id);
    const seen = baseIds.get(stem);
    // Among snapshots of one model the latest (greatest date) stands for the undated id.
    if (stem !== id && (seen === undefined || id > seen)) {
      base.set(stem, price);
      baseIds.set(stem, id);
    }
    const segment = lastPathSegment(id);
    if (segment !== id && !lastSegment.has(segment)) lastSegment.set(segment, price);
  }
  return { exact, base, lastSegment };
}

/** Indexes the generated rows per provider family. */
export function buildPriceIndex(rows: Readonly<Record<PricedProvider, ReadonlyArray<PriceRow>>>): PriceIndex {
  const index = new Map<PricedProvider, FamilyIndex>();
  for (const [family, familyRows] of Object.entries(rows)) {
    if (isPricedProvider(family)) index.set(family, indexFamily(family, familyRows));
  }
  return index;
}
