/**
 * The chaos soak of issue #11: requests through fallback, retries, cache, spend and telemetry against
 * loopback OpenAI-compatible servers (in a forked process) that fail at random: 429, 5xx, slow headers,
 * resets and stalls mid-body, malformed JSON and SSE, error events. Every invariant is checked at the
 * end; tables go to stdout, progress to stderr; exits 1 on any violated invariant.
 *
 *   node --conditions=@switchyard/source --import tsx --expose-gc packages/server/soak/soak.ts [--full]
 *
 * Knobs: SOAK_REQUESTS, SOAK_SEED, SOAK_CONCURRENCY, SOAK_ATTEMPT_TIMEOUT_MS, SOAK_REQUEST_TIMEOUT_MS,
 * SOAK_HEAP_TOLERANCE_MB (see read-soak-config.ts and README.md).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkSoakInvariants } from './check-soak-invariants.js';
import { ClientTally } from './client-tally.js';
import { countActiveResources } from './count-active-resources.js';
import { createSoakGateway } from './create-soak-gateway.js';
import { heapAfterGc } from './heap-after-gc.js';
import { printSoakReport } from './print-soak-report.js';
import { readSoakConfig } from './read-soak-config.js';
import { runSoakLoad } from './run-soak-load.js';
import { runSoakRequest } from './run-soak-request.js';
import { soakRequestSpec } from './soak-request-spec.js';
import type { HeapSample, SoakResults } from './soak-results.js';
import { startChaosProcess } from './start-chaos-process.js';
import { watchProcess } from './watch-process.js';

const log = (line: string): void => {
  process.stderr.write(`[soak] ${line}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` every 20 ms for up to `ms`. */
const waitFor = async (done: () => boolean, ms: number): Promise<void> => {
  for (const deadline = performance.now() + ms; !done() && performance.now() < deadline; ) await sleep(20);
};

const config = readSoakConfig(process.env, process.argv.slice(2));
const resourcesBefore = countActiveResources();
const watch = watchProcess();
const chaos = await startChaosProcess({ seed: config.seed, forgetAfterMs: config.requestTimeoutMs + 10_000 });
const soak = createSoakGateway({
  baseURL: (provider) => chaos.baseURL(provider),
  attemptTimeoutMs: config.attemptTimeoutMs,
  requestTimeoutMs: config.requestTimeoutMs,
});
const client = new ClientTally();

// A request that outlives its own deadline by far is hung: report it and stop, instead of hanging CI.
const inFlight = new Map<number, number>();
const watchdog = setInterval(() => {
  const now = performance.now();
  const hung = [...inFlight].filter(([, started]) => now - started > config.requestTimeoutMs + 15_000);
  if (hung.length === 0) return;
  const examples = hung.slice(0, 5).map(([index]) => `#${index}`);
  log(`HUNG: ${hung.length} requests never settled, e.g. ${examples.join(', ')}`);
  process.exit(2);
}, 1000);

log(
  `${config.requests} requests, concurrency ${config.concurrency}, seed ${config.seed}, ` +
    `attempt timeout ${config.attemptTimeoutMs} ms`,
);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const heap: Array<HeapSample> = [];
const started = performance.now();
loopDelay.enable();
await runSoakLoad({
  total: config.requests,
  concurrency: config.concurrency,
  checkpoints: [0.25, 0.5, 0.75, 1],
  async run(index) {
    const spec = soakRequestSpec(config.seed, index);
    inFlight.set(index, performance.now());
    const outcome = await runSoakRequest(soak.gateway, spec);
    inFlight.delete(index);
    client.record(spec, outcome);
  },
  async atCheckpoint(done) {
    loopDelay.disable();
    // Empty the ledger and log queues first, so a sample holds no records waiting to be written.
    await soak.tracker.flush();
    await soak.observability.logs.flush();
    const bytes = await heapAfterGc();
    heap.push({ done, bytes });
    const seconds = (performance.now() - started) / 1000;
    log(`${done} settled in ${seconds.toFixed(1)} s, heap after GC ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    loopDelay.enable();
  },
});
const durationMs = performance.now() - started;
loopDelay.disable();
clearInterval(watchdog);

// Stalled calls end when the client closes them; give the last close a moment to reach the server.
let snapshot = await chaos.snapshot();
for (let tries = 0; snapshot.pendingResponses > 0 && tries < 20; tries++) {
  await sleep(100);
  snapshot = await chaos.snapshot();
}
const metrics = await soak.observability.metrics();
const logSinks = soak.observability.logs.stats();
await soak.close();
const chaosExitCode = await chaos.close();
const noLeak = (): boolean =>
  Object.entries(countActiveResources()).every(([type, count]) => count <= (resourcesBefore[type] ?? 0));
await waitFor(noLeak, 3000);
watch.stop();

const results: SoakResults = {
  config,
  durationMs,
  client: client.stats(),
  chaos: snapshot.stats,
  pendingResponses: snapshot.pendingResponses,
  chaosExitCode,
  eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  fetchCalls: soak.fetchCalls(),
  ledger: soak.ledger.totals(),
  ledgerWriter: soak.tracker.stats().ledger,
  logs: soak.logs.totals(),
  logSinks,
  metrics,
  backgroundErrors: soak.backgroundErrors(),
  unhandledRejections: watch.unhandledRejections + snapshot.unhandledRejections,
  uncaughtExceptions: watch.uncaughtExceptions + snapshot.uncaughtExceptions,
  warnings: [...watch.warnings, ...snapshot.warnings],
  resourcesBefore,
  resourcesAfter: countActiveResources(),
  heap,
};
for (const line of watch.samples) log(line);
const failed = printSoakReport(results, checkSoakInvariants(results));
process.exitCode = failed === 0 ? 0 : 1;
// Everything was closed, so the process must exit by itself; if a leaked handle keeps it alive, say so.
setTimeout(() => {
  log('the process did not exit by itself: a handle leaked');
  process.exit(1);
}, 5000).unref();
