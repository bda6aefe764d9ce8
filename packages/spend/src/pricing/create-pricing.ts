import type { Pricing } from '@switchyard/core';
import { createPriceTable, type PriceTableOptions } from './create-price-table.js';

/** A `Pricing` function for `createGateway({ pricing })`, with optional price overrides and custom models. */
export function createPricing(options: PriceTableOptions = {}): Pricing {
  return createPriceTable(options).pricing;
}

/**
 * The generated price table as `createGateway({ pricing })` takes it: fills `usage.estimated_cost` for
 * 800+ chat models. The table is indexed on first use.
 */
export const pricing: Pricing = /* @__PURE__ */ createPricing();
