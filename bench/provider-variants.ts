import type { TimedCall } from './measure-latency.js';
import { adapterCall, type ProviderCase } from './provider-case.js';
import { bedrockCase } from './provider-case-bedrock.js';
import { chatCases } from './provider-cases-chat.js';
import { openaiCases } from './provider-cases-openai.js';
import { vendorCases } from './provider-cases-vendor.js';
import { createFixtureFetch, type ProviderId } from './provider-fixtures.js';
import { checkWire } from './provider-wire-check.js';
import type { Mode } from './variants.js';

export type ProviderPath = 'sdk' | 'adapter';
export type ProviderVariantKey = `${ProviderId}:${ProviderPath}:${Mode}`;

/** One path of one adapter's row: the SDK alone or the adapter, over the same canned `fetch`. */
export interface ProviderVariant extends TimedCall<ProviderVariantKey> {
  readonly provider: ProviderId;
  readonly path: ProviderPath;
  readonly mode: Mode;
}

export const providerIds: ReadonlyArray<ProviderId> = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'cohere',
  'azure',
  'bedrock',
  'groq',
];

const byId = new Map(
  [...openaiCases, ...vendorCases, ...chatCases, bedrockCase].map((entry) => [entry.id, entry] as const),
);

/** Every adapter's case, in table order. */
export const providerCases: ReadonlyArray<ProviderCase> = providerIds.map((id) => {
  const entry = byId.get(id);
  if (entry === undefined) throw new Error(`No provider case for '${id}'.`);
  return entry;
});

export const modes: ReadonlyArray<Mode> = ['non-streaming', 'streaming'];

/**
 * Both paths of every case and mode, each mode with its own canned `fetch` (shared by the two paths),
 * after checking that the two paths send the same request and read the same answer. Every timed call
 * gets a fresh `AbortSignal`, as the gateway gives its adapter one per attempt.
 */
export async function createProviderVariants(
  cases: ReadonlyArray<ProviderCase> = providerCases,
): Promise<Array<ProviderVariant>> {
  const variants: Array<ProviderVariant> = [];
  for (const entry of cases) {
    for (const mode of modes) {
      const canned = createFixtureFetch(entry.id, mode);
      const calls = {
        sdk: entry.sdkCall(mode, canned.fetch),
        adapter: adapterCall(entry.createAdapter(canned.fetch), entry.modelId, mode),
      };
      const expected = await checkWire(`${entry.id} ${mode}`, canned, calls.sdk, calls.adapter);
      for (const path of ['sdk', 'adapter'] as const) {
        const call = calls[path];
        variants.push({
          key: `${entry.id}:${path}:${mode}`,
          provider: entry.id,
          path,
          mode,
          expected,
          call: () => call(new AbortController().signal),
        });
      }
    }
  }
  return variants;
}
