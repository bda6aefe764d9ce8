import { isPricedProvider, PRICED_PROVIDER_NAMES, type PricedProvider } from './priced-provider.js';

/** Families whose prices stand in when a family has no row for a model (Azure OpenAI deploys OpenAI's models). */
const FALLBACKS: Partial<Record<PricedProvider, ReadonlyArray<PricedProvider>>> = {
  azure: ['openai'],
};

/** Model-id namespaces (`anthropic/claude-…`, `x-ai/grok-4`) and the family that prices them. */
const VENDOR_PREFIXES: ReadonlyMap<string, PricedProvider> = new Map([
  ...PRICED_PROVIDER_NAMES.map((name): [string, PricedProvider] => [name, name]),
  ['gemini', 'google'],
  ['vertex_ai', 'google'],
  ['mistralai', 'mistral'],
  ['codestral', 'mistral'],
  ['cohere_chat', 'cohere'],
  ['together_ai', 'together'],
  ['fireworks_ai', 'fireworks'],
  ['x-ai', 'xai'],
  ['nvidia_nim', 'nvidia'],
  ['azure_ai', 'azure'],
  ['bedrock_converse', 'bedrock'],
]);

const withFallbacks = (family: PricedProvider): ReadonlyArray<PricedProvider> => [
  family,
  ...(FALLBACKS[family] ?? []),
];

/** Self-hosted servers: tokens cost nothing per call, so they have no price unless one is configured. */
const SELF_HOSTED: ReadonlySet<string> = new Set(['vllm', 'lmstudio']);

export interface FamilySearch {
  readonly families: ReadonlyArray<PricedProvider>;
  /** False when the provider is unknown and every family is searched. */
  readonly specific: boolean;
}

const specific = (family: PricedProvider): FamilySearch => ({
  families: withFallbacks(family),
  specific: true,
});

/**
 * The families to search for a call, in order: the adapter's family when the table knows it, else the
 * one the provider key names (`openai-primary` → `openai`), else all of them, first-party vendors first.
 * Self-hosted providers (vLLM, LM Studio) search none.
 */
export function familiesFor(provider: string | undefined, providerKey: string | undefined): FamilySearch {
  if (provider !== undefined) {
    if (isPricedProvider(provider)) return specific(provider);
    if (SELF_HOSTED.has(provider)) return { families: [], specific: true };
  }
  if (providerKey !== undefined) {
    const key = providerKey.toLowerCase();
    const head = key.split(/[-_.:]/, 1)[0] ?? '';
    for (const name of [key, head]) {
      if (isPricedProvider(name)) return specific(name);
      if (SELF_HOSTED.has(name)) return { families: [], specific: true };
    }
  }
  return { families: PRICED_PROVIDER_NAMES, specific: false };
}

/** `anthropic/claude-sonnet-4` → the anthropic family and `claude-sonnet-4`; undefined without a known namespace. */
export function splitVendorPrefix(id: string): { family: PricedProvider; model: string } | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0) return undefined;
  const family = VENDOR_PREFIXES.get(id.slice(0, slash));
  return family === undefined ? undefined : { family, model: id.slice(slash + 1) };
}
