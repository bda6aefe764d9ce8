import type { BenchConfig } from './config.js';
import { measureLatency } from './measure-latency.js';
import type { ProviderId } from './provider-fixtures.js';
import { createProviderVariants, type ProviderVariantKey, providerCases } from './provider-variants.js';
import { type LatencyStats, summarize } from './summarize.js';

export interface ProviderResults {
  /** The vendor SDK of each adapter, `name version`. */
  readonly sdks: ReadonlyMap<ProviderId, string>;
  /** µs per call of each path, adapter and mode. */
  readonly stats: ReadonlyMap<ProviderVariantKey, LatencyStats>;
  readonly durationMs: number;
}

/**
 * The provider section: each adapter's `doGenerate` / `doStream` against its vendor SDK making the same
 * call alone, both over one canned `fetch` serving the provider's own wire fixture. Every pair is
 * checked to send the same request first; all paths are then interleaved in rounds.
 */
export async function measureProviders(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<ProviderResults> {
  const started = performance.now();
  const variants = await createProviderVariants();
  log(
    `provider adapters: ${variants.length} paths (${providerCases.length} adapters × 2 modes × SDK alone / adapter) × ` +
      `(${config.providerWarmupCalls} warm-up + ${config.providerCalls} measured) calls`,
  );
  const samples = await measureLatency(variants, {
    warmupCalls: config.providerWarmupCalls,
    measuredCalls: config.providerCalls,
    batchSize: config.batchSize,
  });
  return {
    sdks: new Map(providerCases.map((entry) => [entry.id, entry.sdk] as const)),
    stats: new Map([...samples].map(([key, values]) => [key, summarize(values)] as const)),
    durationMs: performance.now() - started,
  };
}
