import type { ProviderResults } from './measure-providers.js';
import type { ProviderId } from './provider-fixtures.js';
import { modes, providerIds } from './provider-variants.js';
import { type BenchResults, count, micros, signedMicros } from './report.js';
import type { LatencyStats } from './summarize.js';
import type { Table } from './table.js';

/** Adapters whose p50 overhead is above this many µs are listed as hot (a reporting mark, not a target). */
export const hotOverheadUs = 30;

interface ProviderRow {
  readonly provider: ProviderId;
  readonly mode: (typeof modes)[number];
  readonly sdk: LatencyStats;
  readonly adapter: LatencyStats;
  /** Adapter p50 minus SDK-alone p50. */
  readonly overheadUs: number;
}

const providerRows = ({ stats }: ProviderResults): Array<ProviderRow> =>
  providerIds.flatMap((provider) =>
    modes.flatMap((mode) => {
      const sdk = stats.get(`${provider}:sdk:${mode}`);
      const adapter = stats.get(`${provider}:adapter:${mode}`);
      if (sdk === undefined || adapter === undefined) return [];
      return [{ provider, mode, sdk, adapter, overheadUs: adapter.p50Us - sdk.p50Us }];
    }),
  );

export function providerTable({ providers }: BenchResults): Table {
  const rows = providerRows(providers).map((row) => [
    row.provider,
    providers.sdks.get(row.provider) ?? '',
    row.mode,
    micros(row.sdk.p50Us),
    micros(row.adapter.p50Us),
    signedMicros(row.overheadUs),
    `${(row.adapter.p50Us / row.sdk.p50Us).toFixed(2)}×`,
    signedMicros(row.adapter.meanUs - row.sdk.meanUs),
  ]);
  return {
    headers: [
      'adapter',
      'vendor SDK',
      'mode',
      'SDK alone p50 µs',
      'adapter p50 µs',
      'overhead µs',
      'ratio',
      'mean overhead µs',
    ],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    rows,
  };
}

export const providerSetupLine = ({ config, providers }: BenchResults): string =>
  `${count(config.providerCalls)} measured calls per path after ${count(config.providerWarmupCalls)} warm-up calls, ` +
  `one at a time, all ${providers.stats.size} paths interleaved in rounds of ${count(config.batchSize)} calls, ` +
  `a fresh AbortSignal per call on both paths; overhead and ratio on p50; ` +
  `provider section ${(providers.durationMs / 1000).toFixed(1)} s`;

/** The rows above `hotOverheadUs`, as `adapter mode (+x µs)`. */
export const hotProviderLine = ({ providers }: BenchResults): string => {
  const hot = providerRows(providers)
    .filter((row) => row.overheadUs > hotOverheadUs)
    .map((row) => `${row.provider} ${row.mode} (${signedMicros(row.overheadUs)} µs)`);
  return `p50 overhead above ${hotOverheadUs} µs: ${hot.length === 0 ? 'none' : hot.join(', ')}`;
};
