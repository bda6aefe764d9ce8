/** One version in a split and its share of traffic. */
export interface WeightedVersion {
  version: string;
  weight: number;
}

/**
 * The entry whose slice of [0, total weight) contains `point` (in [0, 1)). Entries keep their order, so
 * a sticky point keeps landing on the same entry while the weights stay the same.
 */
export function pickWeighted<T extends WeightedVersion>(entries: ReadonlyArray<T>, point: number): T {
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  let remaining = point * total;
  let last: T | undefined;
  for (const entry of entries) {
    if (entry.weight <= 0) continue;
    last = entry;
    remaining -= entry.weight;
    if (remaining < 0) return entry;
  }
  if (last === undefined) throw new RangeError('pickWeighted needs an entry with a weight above 0.');
  return last; // point * total rounded up to the total
}
