import type { SoakResults } from './soak-results.js';
import { sumPrometheusSamples } from './sum-prometheus-samples.js';

/** One invariant of issue #11, with what was expected and what the run measured. */
export interface InvariantResult {
  readonly name: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
}

const sum = (values: Readonly<Record<string, number>>): number =>
  Object.values(values).reduce((total, value) => total + value, 0);

/** Σ of the ledger outcome counts (`status/cache/cost`) whose key `matches`. */
const rowsWhere = (byOutcome: Readonly<Record<string, number>>, matches: (key: string) => boolean): number =>
  Object.entries(byOutcome).reduce((total, [key, count]) => (matches(key) ? total + count : total), 0);

/** Costs are sums of 1e-8-ish floats added in different orders: equal up to rounding. */
const sameCost = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

const usd = (value: number): string => `$${value.toFixed(6)}`;

/** `alpha 5268 $0.812345, beta …`: answers and their cost per provider. */
const perProvider = (
  counts: Readonly<Record<string, number>>,
  costs: Readonly<Record<string, number>>,
): string =>
  Object.keys(counts)
    .sort()
    .map((key) => `${key} ${counts[key] ?? 0} ${usd(costs[key] ?? 0)}`)
    .join(', ');

const equal = (name: string, expected: number, actual: number): InvariantResult => ({
  name,
  expected: String(expected),
  actual: String(actual),
  ok: expected === actual,
});

/**
 * Checks every invariant. "Successful provider call" means an `ok` answer the chaos server wrote to
 * its last byte: each is one ledger row with status `success` that is not a cache hit, priced from the
 * usage the server sent. Cache hits are not provider calls (rows with cost 0); streams cut off after
 * output reached the caller, and streams the caller abandoned, are rows with unknown cost (`null`):
 * tokens were spent in an amount nobody reported.
 */
export function checkSoakInvariants(results: SoakResults): Array<InvariantResult> {
  const { config, client, chaos, ledger, logs, metrics } = results;
  const requests = config.requests;
  const received = sum(chaos.received);
  const delivered = sum(chaos.delivered);
  const deliveredCost = sum(chaos.deliveredCost);
  const failed = client.failedBeforeOutput + client.failedAfterOutput;
  const heapStart = results.heap.find((sample) => sample.done >= requests / 4) ?? results.heap[0];
  const heapEnd = results.heap.at(-1);
  const growth = heapStart === undefined || heapEnd === undefined ? 0 : heapEnd.bytes - heapStart.bytes;
  const leaked = Object.entries(results.resourcesAfter).filter(
    ([type, count]) => count > (results.resourcesBefore[type] ?? 0),
  );
  const logDropped = results.logSinks.reduce((total, sink) => total + sink.dropped + sink.queued, 0);
  const sameProviders =
    Object.keys(chaos.delivered).length === Object.keys(ledger.providerSuccess).length &&
    Object.keys(chaos.delivered).every(
      (provider) => chaos.delivered[provider] === ledger.providerSuccess[provider],
    ) &&
    Object.keys(chaos.deliveredCost).every((provider) =>
      sameCost(chaos.deliveredCost[provider] ?? 0, ledger.providerCost[provider] ?? 0),
    );

  return [
    equal('every request settled (answer, abandon or error)', requests, client.settled),
    equal('errors that are not SwitchyardError.isInstance', 0, client.untyped),
    equal('wrong answers (content, finish, usage, cost)', 0, client.wrongAnswers),
    equal('provider calls: server received == adapter fetch calls', results.fetchCalls, received),
    equal('provider calls: Σ log attempts == server received', received, logs.attempts),
    equal('ledger rows == requests', requests, ledger.rows),
    equal(
      'ledger records dropped or left queued',
      0,
      results.ledgerWriter.dropped + results.ledgerWriter.queued,
    ),
    equal('ledger success rows (no cache hit) == answers delivered', delivered, sum(ledger.providerSuccess)),
    {
      name: 'ledger Σ cost == Σ delivered usage × price',
      expected: usd(deliveredCost),
      actual: usd(ledger.costSum),
      ok: sameCost(deliveredCost, ledger.costSum),
    },
    {
      name: 'ledger successes and cost per provider',
      expected: perProvider(chaos.delivered, chaos.deliveredCost),
      actual: perProvider(ledger.providerSuccess, ledger.providerCost),
      ok: sameProviders,
    },
    equal(
      'ledger cache-hit rows == hits seen by callers',
      client.cacheHits,
      ledger.byOutcome['success/hit/zero'] ?? 0,
    ),
    equal(
      'ledger cache-hit rows with a cost',
      0,
      rowsWhere(ledger.byOutcome, (key) => key.includes('/hit/') && !key.endsWith('/zero')),
    ),
    equal(
      'ledger error rows at cost 0 == failures before output',
      client.failedBeforeOutput,
      rowsWhere(ledger.byOutcome, (key) => key.startsWith('error/') && key.endsWith('/zero')),
    ),
    equal(
      'ledger rows of unknown cost == streams cut after output + abandoned',
      client.failedAfterOutput + client.abandoned,
      rowsWhere(ledger.byOutcome, (key) => key.endsWith('/null')),
    ),
    equal(
      'abandoned streams == trickled answers the server saw stopped',
      client.abandoned,
      chaos.trickleStopped,
    ),
    equal('log records == requests', requests, logs.records),
    equal('log records dropped or left queued', 0, logDropped),
    {
      name: 'log status success/error/cancelled == callers',
      expected: `${client.answered}/${failed}/${client.abandoned}`,
      actual: `${logs.byStatus.success ?? 0}/${logs.byStatus.error ?? 0}/${logs.byStatus.cancelled ?? 0}`,
      ok:
        logs.byStatus.success === client.answered &&
        (logs.byStatus.error ?? 0) === failed &&
        (logs.byStatus.cancelled ?? 0) === client.abandoned,
    },
    {
      name: 'log Σ cost == ledger Σ cost',
      expected: usd(ledger.costSum),
      actual: usd(logs.costSum),
      ok: sameCost(ledger.costSum, logs.costSum),
    },
    equal(
      'metric requests_total == requests',
      requests,
      sumPrometheusSamples(metrics, 'switchyard_requests_total'),
    ),
    equal(
      'metric requests_in_flight at the end',
      0,
      sumPrometheusSamples(metrics, 'switchyard_requests_in_flight'),
    ),
    equal(
      'metric cache_hits_total{result="hit"} == hits',
      client.cacheHits,
      sumPrometheusSamples(metrics, 'switchyard_cache_hits_total', { result: 'hit' }),
    ),
    equal('unhandled rejections', 0, results.unhandledRejections),
    equal('uncaught exceptions', 0, results.uncaughtExceptions),
    {
      name: 'process warnings',
      expected: 'none',
      actual: results.warnings.join('; ') || 'none',
      ok: results.warnings.length === 0,
    },
    equal('spend/telemetry background errors', 0, results.backgroundErrors),
    equal('server: bad requests + socket errors', 0, chaos.badRequests + chaos.clientErrors),
    equal('server: ok answers cut by a client timeout (racy timeout)', 0, chaos.okCutByClient),
    equal('server: trickles never stopped by the caller', 0, chaos.trickleExhausted),
    equal('server: calls unanswered after the run', 0, results.pendingResponses),
    equal('chaos process exit code after close (nothing left open)', 0, results.chaosExitCode ?? -1),
    {
      name: 'no leaked handles (active resources after teardown ≤ before)',
      expected: 'none',
      actual: leaked.map(([type, count]) => `${type} ${count}`).join(', ') || 'none',
      ok: leaked.length === 0,
    },
    {
      name: `heap steady (25% → end growth ≤ ${(config.heapToleranceBytes / 2 ** 20).toFixed(0)} MiB)`,
      expected: `≤ ${(config.heapToleranceBytes / 2 ** 20).toFixed(1)} MiB`,
      actual: `${(growth / 2 ** 20).toFixed(1)} MiB`,
      ok: growth <= config.heapToleranceBytes,
    },
  ];
}
