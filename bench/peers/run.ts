/**
 * The peer comparison of `pnpm bench`: the direct `openai` client, Switchyard (in-process and over
 * `gateway.fetch`), the AI SDK, token.js and the Portkey gateway package's app, in one process over the
 * same canned answer. Prints tables and rewrites the peers part of `bench/RESULTS.md`. A wrong answer from
 * any path exits nonzero; missed targets are reported, not failed.
 */
import { createCannedFetch } from '../canned-fetch.js';
import { readMachineInfo } from '../machine-info.js';
import { type HeapReport, measureHeap } from '../measure-heap.js';
import { measureLatency } from '../measure-latency.js';
import { writeResultsJson } from '../results-json.js';
import { writeResultsSection } from '../results-sections.js';
import { summarize } from '../summarize.js';
import { loadPortkeyAppFetch } from './load-portkey-app.js';
import { measureTtft } from './measure-ttft.js';
import { readPeerConfig } from './peer-config.js';
import { peerMarkdown, printPeerReport } from './peer-report.js';
import { createPeerVariants, type PeerId, peerLabels } from './peer-variants.js';

const log = (line: string): void => {
  process.stderr.write(`[bench:peers] ${line}\n`);
};

const config = readPeerConfig();
const machine = readMachineInfo();
const portkey = await loadPortkeyAppFetch();

const canned = createCannedFetch();
globalThis.fetch = canned;
const variants = createPeerVariants(canned, portkey);
log(
  `latency: ${variants.length} variants × (${config.warmupCalls} warm-up + ${config.calls} measured) calls`,
);
const samples = await measureLatency(variants, {
  warmupCalls: config.warmupCalls,
  measuredCalls: config.calls,
  batchSize: config.batchSize,
});
const stats = new Map([...samples].map(([key, values]) => [key, summarize(values)] as const));

log(`heap: ${config.heapCalls} non-streaming calls per path`);
const heap = new Map<PeerId, HeapReport>();
for (const variant of variants.filter((v) => v.mode === 'non-streaming')) {
  heap.set(
    variant.peer,
    await measureHeap(() => variant.call(), { calls: config.heapCalls, concurrency: 50 }),
  );
}

log(
  `time to first token: ${config.ttftCalls} streaming calls per path, ${config.ttftGapMs} ms between events`,
);
const paced = createCannedFetch(config.ttftGapMs);
globalThis.fetch = paced;
const ttftSamples = await measureTtft(
  createPeerVariants(paced, portkey).filter((v) => v.mode === 'streaming'),
  { warmupCalls: 10, calls: config.ttftCalls },
);
const ttft = new Map([...ttftSamples].map(([key, values]) => [key, summarize(values)] as const));

const results = { config, machine, stats, ttft, heap };
printPeerReport(results);
writeResultsSection('peers', peerMarkdown(results));
writeResultsJson('peers', {
  date: machine.date,
  rows: variants.map(({ peer, mode, key }) => ({ peer, label: peerLabels[peer], mode, ...stats.get(key) })),
  ttft: [...ttft].map(([key, value]) => ({ key, ...value })),
  heap: [...heap].map(([peer, report]) => ({
    peer,
    calls: report.calls,
    growthBytes: report.endBytes - report.startBytes,
  })),
});
log('wrote the peers part of bench/RESULTS.md');
