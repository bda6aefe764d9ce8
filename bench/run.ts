/**
 * `pnpm bench`: latency of the direct `openai` client vs the gateway paths, heap growth under load, the
 * cost of routing (each strategy's decision, and gateway calls through each kind of route), and each
 * provider adapter's overhead over its vendor SDK alone, in one process. Prints tables and rewrites
 * `bench/RESULTS.md`. Missed targets are reported, not failed: this is a measurement. Crashes
 * (including a wrong answer from any path) exit nonzero.
 */
import { readBenchConfig } from './config.js';
import { readMachineInfo } from './machine-info.js';
import { measureHeap } from './measure-heap.js';
import { measureLatency } from './measure-latency.js';
import { measureProviders } from './measure-providers.js';
import { measureRouting } from './measure-routing.js';
import { printReport } from './print-report.js';
import { messages, readCompletion } from './scenario.js';
import { type LatencyStats, summarize } from './summarize.js';
import { judgeHeap, judgeRatios } from './targets.js';
import { createBenchGateway, createVariants, gatewayModel, type VariantKey } from './variants.js';
import { resultsFile, writeResults } from './write-results.js';

const config = readBenchConfig();
// Read before measuring, so the load average shows what else was running when the timings were taken.
const machine = readMachineInfo();
const gateway = createBenchGateway();
const variants = createVariants(gateway);

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

log(
  `latency: ${variants.length} variants × (${config.warmupCalls} warm-up + ${config.calls} measured) calls`,
);
const samples = await measureLatency(variants, {
  warmupCalls: config.warmupCalls,
  measuredCalls: config.calls,
  batchSize: config.batchSize,
});
const stats = new Map<VariantKey, LatencyStats>(
  [...samples].map(([key, values]) => [key, summarize(values)] as const),
);

log(`heap: ${config.heapCalls} gateway calls, ${config.heapConcurrency} in flight`);
const heap = await measureHeap(
  async () => readCompletion(await gateway.chat.completions.create({ model: gatewayModel, messages })),
  { calls: config.heapCalls, concurrency: config.heapConcurrency },
);

const routing = await measureRouting(config, log);
const providers = await measureProviders(config, log);

const results = {
  config,
  machine,
  stats,
  ratios: judgeRatios(stats),
  heap,
  heapVerdict: judgeHeap(heap),
  routing,
  providers,
};
printReport(results);
writeResults(results);
log(`wrote ${resultsFile.pathname}`);
