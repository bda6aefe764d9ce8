import { baseModelId } from './base-model-id.js';
import { modelIdCandidates } from './model-id-candidates.js';
import type { ResolvedPrice } from './model-price.js';
import { type FamilyIndex, lastPathSegment, type PriceIndex } from './price-index.js';
import type { PricedProvider } from './priced-provider.js';
import { familiesFor, splitVendorPrefix } from './provider-families.js';

type Pick = (family: FamilyIndex, id: string) => ResolvedPrice | undefined;

const exact: Pick = (family, id) => family.exact.get(id);
const latestSnapshot: Pick = (family, id) => family.exact.get(id) ?? family.base.get(id);
const bySegment: Pick = (family, id) => family.exact.get(id) ?? family.lastSegment.get(id);

const unique = (ids: ReadonlyArray<string>): Array<string> => [...new Set(ids)];

function probe(
  index: PriceIndex,
  families: ReadonlyArray<PricedProvider>,
  ids: ReadonlyArray<string>,
  pick: Pick,
): ResolvedPrice | undefined {
  for (const id of ids) {
    for (const name of families) {
      const family = index.get(name);
      const found = family === undefined ? undefined : pick(family, id);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export interface FindPriceQuery {
  /** The adapter's provider family (`adapter.provider`), when known. */
  provider?: string | undefined;
  /** The name the provider is configured under in the gateway, when known. */
  providerKey?: string | undefined;
  model: string;
}

/**
 * Looks a model up in the generated table, from the most to the least specific match: the id as given,
 * then a vendor namespace (`anthropic/claude-…`), then the undated id or its latest snapshot, then the
 * id's last path segment (only within a known provider family). Undefined when nothing matches.
 */
export function findPrice(index: PriceIndex, query: FindPriceQuery): ResolvedPrice | undefined {
  const { families, specific } = familiesFor(query.provider, query.providerKey);
  if (families.length === 0) return undefined;
  const ids = modelIdCandidates(query.model);
  const vendor = splitVendorPrefix(ids[0] ?? '');
  const vendorIds = vendor === undefined ? [] : modelIdCandidates(vendor.model);
  const vendorFamilies = vendor === undefined ? [] : [vendor.family];
  const bases = unique(ids.map(baseModelId));
  return (
    probe(index, families, ids, exact) ??
    probe(index, vendorFamilies, vendorIds, exact) ??
    probe(index, families, bases, latestSnapshot) ??
    probe(index, vendorFamilies, unique(vendorIds.map(baseModelId)), latestSnapshot) ??
    // A bare last segment is too loose to guess across every provider.
    (specific ? probe(index, families, unique(ids.map(lastPathSegment)), bySegment) : undefined)
  );
}
