import type { BenchConfig } from './config.js';
import type { MachineInfo } from './machine-info.js';
import type { HeapReport } from './measure-heap.js';
import type { ProviderResults } from './measure-providers.js';
import type { RoutingResults } from './measure-routing.js';
import type { LatencyStats } from './summarize.js';
import type { Table } from './table.js';
import { type HeapVerdict, heapGrowthLimitBytes, type RatioVerdict } from './targets.js';
import { type Mode, type PathId, pathLabels, type VariantKey } from './variants.js';

export interface BenchResults {
  readonly config: BenchConfig;
  readonly machine: MachineInfo;
  readonly stats: ReadonlyMap<VariantKey, LatencyStats>;
  readonly ratios: ReadonlyArray<RatioVerdict>;
  readonly heap: HeapReport;
  readonly heapVerdict: HeapVerdict;
  readonly routing: RoutingResults;
  readonly providers: ProviderResults;
}

const modes: ReadonlyArray<Mode> = ['non-streaming', 'streaming'];
const paths: ReadonlyArray<PathId> = ['direct', 'direct-signal', 'gateway', 'gateway-fetch', 'gateway-mock'];

export const count = (value: number): string => value.toLocaleString('en-US');
export const micros = (value: number): string => value.toFixed(1);
export const signedMicros = (value: number): string => `${value >= 0 ? '+' : '−'}${micros(Math.abs(value))}`;
export const times = (value: number): string => `${value.toFixed(2)}×`;
export const mebibytes = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
const gibibytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
export const signedMebibytes = (bytes: number): string =>
  `${bytes >= 0 ? '+' : '−'}${mebibytes(Math.abs(bytes))}`;
export const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

export function latencyTable(results: BenchResults): Table {
  const rows = modes.flatMap((mode) => {
    const direct = results.stats.get(`direct:${mode}`);
    return paths.flatMap((path) => {
      const stats = results.stats.get(`${path}:${mode}`);
      if (stats === undefined) return [];
      const ratio = direct === undefined ? '' : times(stats.p50Us / direct.p50Us);
      return [
        [pathLabels[path], mode, micros(stats.p50Us), micros(stats.p99Us), micros(stats.meanUs), ratio],
      ];
    });
  });
  return {
    headers: ['path', 'mode', 'p50 µs', 'p99 µs', 'mean µs', 'p50 vs direct'],
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
    rows,
  };
}

export function targetTable(results: BenchResults): Table {
  return {
    headers: [
      'target (vs direct openai client)',
      'limit',
      'p50 ratio',
      'mean ratio',
      'p50 overhead µs',
      'verdict',
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows: results.ratios.map((ratio) => [
      ratio.target.name,
      `≤ ${times(ratio.target.max)}`,
      times(ratio.p50Ratio),
      times(ratio.meanRatio),
      micros(ratio.p50OverheadUs),
      verdict(ratio.pass),
    ]),
  };
}

export function heapTable(results: BenchResults): Table {
  const { heap, heapVerdict } = results;
  return {
    headers: ['heap used after full GC', 'calls', 'heap used', 'growth since start'],
    align: ['left', 'right', 'right', 'right'],
    rows: [
      ['start (after warm-up)', '0', mebibytes(heap.startBytes), ''],
      [
        'midpoint',
        count(heap.midCalls),
        mebibytes(heap.midBytes),
        signedMebibytes(heap.midBytes - heap.startBytes),
      ],
      ['end', count(heap.calls), mebibytes(heap.endBytes), signedMebibytes(heapVerdict.growthBytes)],
    ],
  };
}

export const heapVerdictLine = (results: BenchResults): string =>
  `heap growth ${signedMebibytes(results.heapVerdict.growthBytes)} over ${count(results.heap.calls)} calls ` +
  `(limit ${mebibytes(heapGrowthLimitBytes)}): ${verdict(results.heapVerdict.pass)}`;

export const latencySetupLine = ({ config }: BenchResults): string =>
  `${count(config.calls)} measured calls per variant after ${count(config.warmupCalls)} warm-up calls, ` +
  `one at a time, variants interleaved in rounds of ${count(config.batchSize)} calls`;

export const heapSetupLine = ({ heap }: BenchResults): string =>
  `${count(heap.calls)} non-streaming gateway calls (OpenAI adapter), ${count(heap.concurrency)} in flight, ` +
  `after ${count(heap.warmupCalls)} warm-up calls; ${(heap.durationMs / 1000).toFixed(1)} s`;

export const machineLine = ({ machine }: BenchResults): string => describeMachine(machine);

export const describeMachine = (machine: MachineInfo): string =>
  `${machine.cpuCount} CPUs (nproc) · ${machine.cpuModel} · ${gibibytes(machine.totalMemoryBytes)} RAM · ` +
  `${machine.platform} · Node ${machine.node} · openai ${machine.openaiVersion} · ` +
  `load average ${machine.loadAverage.map((load) => load.toFixed(2)).join(' / ')} at start`;
