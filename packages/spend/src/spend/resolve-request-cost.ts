import type { CompletionUsage, MiddlewareState } from '@switchyard/core';
import type { RequestStatus } from '../ledger/ledger-record.js';
import type { PriceTable } from '../pricing/create-price-table.js';

/**
 * The USD cost of a finished request, or null when it is unknown. Cache hits cost nothing; a price the
 * gateway already put in `usage.estimated_cost` is taken as is; otherwise this tracker's table prices the
 * usage and fills `estimated_cost` in for the caller. An unknown price adds a warning to the response.
 * `generated`: output reached the caller before the request ended (a stream that failed midway).
 */
export function resolveRequestCost(
  table: PriceTable,
  state: MiddlewareState,
  usage: CompletionUsage | undefined,
  status: RequestStatus,
  generated: boolean,
): number | null {
  if (state.cache === 'hit' || state.cache === 'semantic-hit') return 0;
  if (usage === undefined) {
    // A call that failed before any output cost nothing we know of; once output was generated (or the caller
    // gave up waiting), tokens were consumed in an unknown amount.
    if (status === 'error' && !generated) return 0;
    if (status === 'success') {
      state.warnings.push({
        type: 'other',
        message: `The provider reported no token usage for model '${state.model ?? ''}', so the call's cost is unknown.`,
      });
    }
    return null;
  }
  if (usage.estimated_cost !== undefined) return usage.estimated_cost;
  const cost = table.cost({ providerKey: state.provider, model: state.model ?? '', usage });
  if (cost === undefined) {
    state.warnings.push({
      type: 'other',
      message: `No price is known for model '${state.model ?? ''}' (provider '${state.provider ?? ''}'), so usage.estimated_cost is left out. Add one with spend({ prices: { '${state.model ?? ''}': { input, output } } }).`,
    });
    return null;
  }
  usage.estimated_cost = cost;
  return cost;
}
