import { isRecord } from '../src/internal/is-record.js';
import type { PriceRow, PriceRowExtras, PriceTier } from '../src/pricing/price-row.js';
import {
  PRICED_PROVIDER_NAMES,
  PRICED_PROVIDERS,
  type PricedProvider,
} from '../src/pricing/priced-provider.js';

export type PriceRows = Record<PricedProvider, Array<PriceRow>>;

/** Region- or data-zone-specific duplicates (`bedrock/us-east-1/…`, `azure/eu/…`): left out to keep the table compact. */
const REGIONAL_KEY = /^(bedrock\/[^/]+\/|azure(_ai)?\/(eu|us|global)\/)/;

const TIER_THRESHOLDS: ReadonlyArray<number> = [128, 200];

const numberField = (entry: Record<string, unknown>, field: string): number | undefined => {
  const value = entry[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

const tiersOf = (entry: Record<string, unknown>, output: number): Array<PriceTier> => {
  const tiers: Array<PriceTier> = [];
  for (const thousands of TIER_THRESHOLDS) {
    const suffix = `_above_${thousands}k_tokens`;
    const input = numberField(entry, `input_cost_per_token${suffix}`);
    if (input === undefined) continue;
    const cacheRead = numberField(entry, `cache_read_input_token_cost${suffix}`);
    const cacheWrite = numberField(entry, `cache_creation_input_token_cost${suffix}`);
    tiers.push({
      aboveInputTokens: thousands * 1000,
      input,
      output: numberField(entry, `output_cost_per_token${suffix}`) ?? output,
      ...(cacheRead === undefined ? {} : { cacheRead }),
      ...(cacheWrite === undefined ? {} : { cacheWrite }),
    });
  }
  return tiers;
};

/** The row for one data-file entry, or undefined when it is not a per-token-priced chat model. */
export function toPriceRow(key: string, entry: Record<string, unknown>): PriceRow | undefined {
  if (entry.mode !== 'chat' || REGIONAL_KEY.test(key)) return undefined;
  const input = numberField(entry, 'input_cost_per_token');
  const output = numberField(entry, 'output_cost_per_token');
  if (input === undefined || output === undefined) return undefined;
  const cacheRead =
    numberField(entry, 'cache_read_input_token_cost') ?? numberField(entry, 'input_cost_per_token_cache_hit');
  const cacheWrite = numberField(entry, 'cache_creation_input_token_cost');
  const contextWindow = numberField(entry, 'max_input_tokens');
  const reasoning = numberField(entry, 'output_cost_per_reasoning_token');
  const tiers = tiersOf(entry, output);
  const extras: PriceRowExtras = {
    ...(reasoning === undefined ? {} : { reasoning }),
    ...(tiers.length === 0 ? {} : { tiers }),
  };
  const read = cacheRead ?? null;
  const write = cacheWrite ?? null;
  const context = contextWindow ?? null;
  return Object.keys(extras).length === 0
    ? [key, input, output, read, write, context]
    : [key, input, output, read, write, context, extras];
}

const knownSources = new Set(Object.values(PRICED_PROVIDERS).flat());

const emptyRows = (): PriceRows => ({
  openai: [],
  azure: [],
  anthropic: [],
  google: [],
  mistral: [],
  cohere: [],
  bedrock: [],
  groq: [],
  together: [],
  fireworks: [],
  deepseek: [],
  xai: [],
  perplexity: [],
  openrouter: [],
  cerebras: [],
  deepinfra: [],
  nvidia: [],
  ollama: [],
});

/**
 * Selects the chat models of the supported providers from the parsed data file, grouped by family and
 * ordered by each family's preferred sources, then by the file's key order.
 */
export function buildPriceRows(data: unknown): PriceRows {
  if (!isRecord(data)) throw new Error('The price data file is not a JSON object.');
  const bySource = new Map<string, Array<PriceRow>>();
  for (const [key, entry] of Object.entries(data)) {
    if (key === 'sample_spec' || !isRecord(entry)) continue;
    const source = entry.litellm_provider;
    if (typeof source !== 'string' || !knownSources.has(source)) continue;
    const row = toPriceRow(key, entry);
    if (row === undefined) continue;
    const rows = bySource.get(source) ?? [];
    rows.push(row);
    bySource.set(source, rows);
  }
  const rows = emptyRows();
  for (const family of PRICED_PROVIDER_NAMES) {
    rows[family] = PRICED_PROVIDERS[family].flatMap((source) => bySource.get(source) ?? []);
  }
  return rows;
}
