import type { MachineInfo } from '../machine-info.js';
import type { HeapReport } from '../measure-heap.js';
import {
  count,
  describeMachine,
  mebibytes,
  micros,
  signedMebibytes,
  signedMicros,
  times,
  verdict,
} from '../report.js';
import type { LatencyStats } from '../summarize.js';
import { renderMarkdown, renderText, type Table } from '../table.js';
import type { Mode } from '../variants.js';
import type { PeerConfig } from './peer-config.js';
import { type PeerId, type PeerKey, peerLabels } from './peer-variants.js';

export interface PeerResults {
  readonly config: PeerConfig;
  readonly machine: MachineInfo;
  readonly stats: ReadonlyMap<PeerKey, LatencyStats>;
  /** Time to first token over paced events, per peer (streaming). */
  readonly ttft: ReadonlyMap<PeerKey, LatencyStats>;
  readonly heap: ReadonlyMap<PeerId, HeapReport>;
}

export interface PeerVerdict {
  readonly name: string;
  readonly limit: string;
  readonly measured: string;
  readonly pass: boolean;
}

const peers: ReadonlyArray<PeerId> = [
  'direct',
  'switchyard',
  'switchyard-fetch',
  'ai-sdk',
  'token-js',
  'portkey',
];
const modes: ReadonlyArray<Mode> = ['non-streaming', 'streaming'];

const stat = (map: ReadonlyMap<PeerKey, LatencyStats>, key: PeerKey): LatencyStats => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`No measurements for ${key}.`);
  return value;
};

/** How many times faster Switchyard in-process is than `peer` (p50), and the target it must reach. */
const speedup = (results: PeerResults, peer: PeerId, mode: Mode, min: number): PeerVerdict => {
  const ratio =
    stat(results.stats, `${peer}:${mode}`).p50Us / stat(results.stats, `switchyard:${mode}`).p50Us;
  return {
    name: `faster than ${peerLabels[peer]}, ${mode}`,
    limit: `≥ ${times(min)}`,
    measured: times(ratio),
    pass: ratio >= min,
  };
};

export function peerVerdicts(results: PeerResults): Array<PeerVerdict> {
  const gapUs = results.config.ttftGapMs * 1_000;
  const addedTtft =
    stat(results.ttft, 'switchyard:streaming').p50Us - stat(results.ttft, 'direct:streaming').p50Us;
  return [
    speedup(results, 'ai-sdk', 'non-streaming', 1.5),
    speedup(results, 'ai-sdk', 'streaming', 5),
    {
      // Buffering even one event would add a whole gap; half a gap leaves room for the gateway's own work.
      name: 'no added time to first token (p50 vs direct)',
      limit: `≤ ${micros(gapUs / 2)} µs`,
      measured: `${signedMicros(addedTtft)} µs`,
      pass: addedTtft <= gapUs / 2,
    },
  ];
}

export function peerLatencyTable(results: PeerResults): Table {
  const rows = modes.flatMap((mode) => {
    const direct = stat(results.stats, `direct:${mode}`);
    return peers.map((peer) => {
      const stats = stat(results.stats, `${peer}:${mode}`);
      const switchyard = stat(results.stats, `switchyard:${mode}`);
      return [
        peerLabels[peer],
        mode,
        micros(stats.p50Us),
        micros(stats.p99Us),
        times(stats.p50Us / direct.p50Us),
        times(stats.p50Us / switchyard.p50Us),
      ];
    });
  });
  return {
    headers: ['path', 'mode', 'p50 µs', 'p99 µs', 'p50 vs direct', 'p50 vs Switchyard'],
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
    rows,
  };
}

export function peerTtftTable(results: PeerResults): Table {
  const direct = stat(results.ttft, 'direct:streaming');
  return {
    headers: ['path', 'TTFT p50 µs', 'TTFT p99 µs', 'added p50 µs'],
    align: ['left', 'right', 'right', 'right'],
    rows: peers.map((peer) => {
      const stats = stat(results.ttft, `${peer}:streaming`);
      return [
        peerLabels[peer],
        micros(stats.p50Us),
        micros(stats.p99Us),
        signedMicros(stats.p50Us - direct.p50Us),
      ];
    }),
  };
}

export function peerHeapTable(results: PeerResults): Table {
  return {
    headers: ['path', 'calls', 'heap after warm-up', 'growth at midpoint', 'growth at end'],
    align: ['left', 'right', 'right', 'right', 'right'],
    rows: peers.map((peer) => {
      const heap = results.heap.get(peer);
      if (heap === undefined) throw new Error(`No heap run for ${peer}.`);
      return [
        peerLabels[peer],
        count(heap.calls),
        mebibytes(heap.startBytes),
        signedMebibytes(heap.midBytes - heap.startBytes),
        signedMebibytes(heap.endBytes - heap.startBytes),
      ];
    }),
  };
}

export const verdictTable = (verdicts: ReadonlyArray<PeerVerdict>): Table => ({
  headers: ['target', 'limit', 'measured', 'verdict'],
  align: ['left', 'right', 'right', 'left'],
  rows: verdicts.map((v) => [v.name, v.limit, v.measured, verdict(v.pass)]),
});

const setupLine = ({ config }: PeerResults): string =>
  `${count(config.calls)} measured calls per path and mode after ${count(config.warmupCalls)} warm-up calls, ` +
  `one at a time, paths interleaved in rounds of ${count(config.batchSize)}`;

const ttftSetupLine = ({ config }: PeerResults): string =>
  `${count(config.ttftCalls)} streaming calls per path; each SSE event of the answer arrives ` +
  `${config.ttftGapMs} ms after the previous one, as tokens from a model would`;

const heapSetupLine = ({ config }: PeerResults): string =>
  `${count(config.heapCalls)} non-streaming calls per path, 50 in flight; \`heapUsed\` after full GCs`;

export function printPeerReport(results: PeerResults): void {
  const lines = [
    `Peers in one process · ${results.machine.date}`,
    describeMachine(results.machine),
    '',
    `Latency: ${setupLine(results)}`,
    renderText(peerLatencyTable(results)),
    '',
    `Time to first token: ${ttftSetupLine(results)}`,
    renderText(peerTtftTable(results)),
    '',
    `Heap: ${heapSetupLine(results)}`,
    renderText(peerHeapTable(results)),
    '',
    renderText(verdictTable(peerVerdicts(results))),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function peerMarkdown(results: PeerResults): string {
  return `## Peers, in one process

Written by \`bench/peers/run.ts\` on ${results.machine.date}; ${describeMachine(results.machine)}.
Every path gets the same canned OpenAI wire answer in-process (\`bench/fixtures/\`): the \`openai\` client
directly, Switchyard's gateway (OpenAI adapter), the \`openai\` client over Switchyard's \`gateway.fetch\`,
the AI SDK (\`generateText\`/\`streamText\` with \`@ai-sdk/openai\`'s chat model), token.js (provider
\`openai\`), and the \`openai\` client over the Portkey gateway package's Hono \`app.fetch\` (\`@portkey-ai/gateway\`,
loaded in-process; its upstream call uses the global \`fetch\`, pointed at the same answer). Retries are off
everywhere.

### Latency

${setupLine(results)}.

${renderMarkdown(peerLatencyTable(results))}

### Time to first token

${ttftSetupLine(results)}.

${renderMarkdown(peerTtftTable(results))}

### Heap

${heapSetupLine(results)}.

${renderMarkdown(peerHeapTable(results))}

### Targets

${renderMarkdown(verdictTable(peerVerdicts(results)))}
`;
}
