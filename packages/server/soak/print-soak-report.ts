import type { InvariantResult } from './check-soak-invariants.js';
import { renderTable } from './render-table.js';
import type { SoakResults } from './soak-results.js';

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

const countRows = (counts: Readonly<Record<string, number>>): Array<Array<string>> =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => [key, String(count)]);

/** Prints the run's numbers and every invariant to stdout; returns the number of violations. */
export function printSoakReport(results: SoakResults, invariants: ReadonlyArray<InvariantResult>): number {
  const { config, client, chaos } = results;
  const out = (text = ''): void => {
    process.stdout.write(`${text}\n`);
  };
  const seconds = results.durationMs / 1000;
  out(
    renderTable(
      ['run', 'value'],
      [
        ['requests', String(config.requests)],
        ['seed', config.seed],
        ['concurrency', String(config.concurrency)],
        ['attempt timeout / idle timeout', `${config.attemptTimeoutMs} ms`],
        ['duration', `${seconds.toFixed(1)} s`],
        ['throughput', `${(config.requests / seconds).toFixed(0)} req/s`],
        [
          'latency of answers p50 / p99 / max',
          `${ms(client.latencyMs.p50)} / ${ms(client.latencyMs.p99)} / ${ms(client.latencyMs.max)}`,
        ],
        ['slowest successful provider attempt', ms(client.slowestSuccessfulAttemptMs)],
        [
          'gateway event-loop delay p99 / max',
          `${ms(results.eventLoopDelayMs.p99)} / ${ms(results.eventLoopDelayMs.max)}`,
        ],
        [
          'provider calls (server received)',
          String(Object.values(chaos.received).reduce((a, b) => a + b, 0)),
        ],
        ['heap after GC', results.heap.map((sample) => `${sample.done}: ${mib(sample.bytes)}`).join(', ')],
      ],
    ),
  );
  out();
  out(renderTable(['caller outcome', 'requests'], countRows(client.outcomes)));
  out();
  out(renderTable(['server plan', 'calls'], countRows(chaos.plans)));
  out();
  out(
    renderTable(
      ['invariant', 'expected', 'actual', ''],
      invariants.map((invariant) => [
        invariant.name,
        invariant.expected,
        invariant.actual,
        invariant.ok ? 'ok' : 'FAIL',
      ]),
    ),
  );
  for (const line of client.samples) out(`  caller: ${line}`);
  const failed = invariants.filter((invariant) => !invariant.ok).length;
  out();
  out(`soak: ${invariants.length - failed} passed, ${failed} failed`);
  return failed;
}
