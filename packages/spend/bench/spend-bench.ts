/**
 * Request-path overhead of `@switchyard/spend`: pricing a call plus writing its ledger record, per request.
 *
 *   node --conditions=@switchyard/source --import tsx packages/spend/bench/spend-bench.ts
 *
 * Runs the spend middleware's handler against a `next()` that answers at once with a gpt-4o completion,
 * and the same loop through a pass-through handler; the difference is what spend adds to a request. The
 * ledger writer drains in the background between batches (timed separately: it is off the request path).
 * Target: ≤ 3 µs per request. Prints a table and one JSON line; `runSpendBench()` returns the numbers.
 */
import { pathToFileURL } from 'node:url';
import type { ChatCompletion, GatewayResult, MiddlewareHandler, MiddlewareState } from '@switchyard/core';
import { createPriceTable, spend } from '../src/index.js';

export interface SpendBenchResult {
  /** Median ns per request through the pass-through handler. */
  baselineNs: number;
  /** Median ns per request through the spend handler. */
  spendNs: number;
  /** `spendNs - baselineNs`: cost + ledger (+ budget check) on the request path. */
  overheadNs: number;
  /** Median ns for one `PriceTable.cost()` (a warm lookup plus the arithmetic). */
  costNs: number;
  /** Background ledger drain per record (off the request path), ns. */
  drainNsPerRecord: number;
  targetNs: number;
  pass: boolean;
}

export interface SpendBenchOptions {
  batches?: number;
  batchSize?: number;
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const newState = (i: number): MiddlewareState => ({
  request: { model: 'chat', messages: [{ role: 'user', content: 'Hello' }] },
  options: {},
  metadata: { team: 'platform', user_id: `u-${i % 100}` },
  route: 'chat',
  traceId: `trace-${i}`,
  stream: false,
  startedAt: performance.now(),
  signal: undefined,
  cache: 'miss',
  attempts: [{ provider: 'openai-primary', model: 'gpt-4o', status: 200, latencyMs: 1 }],
  warnings: [],
  provider: 'openai-primary',
  model: 'gpt-4o',
  usage: undefined,
  locals: new Map(),
});

const completionFor = (state: MiddlewareState): GatewayResult => {
  const usage = {
    prompt_tokens: 1_200,
    completion_tokens: 300,
    total_tokens: 1_500,
    prompt_tokens_details: { cached_tokens: 400 },
    completion_tokens_details: { reasoning_tokens: 50 },
  };
  state.usage = usage;
  const completion: ChatCompletion = {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'gpt-4o',
    choices: [],
    usage,
    switchyard: {
      provider: '',
      model: '',
      route: '',
      attempts: [],
      cache: 'miss',
      latencyMs: 0,
      traceId: '',
      warnings: [],
    },
  };
  return { type: 'completion', completion };
};

async function timeHandler(
  handler: MiddlewareHandler,
  batches: number,
  batchSize: number,
): Promise<Array<number>> {
  const perCall: Array<number> = [];
  let i = 0;
  for (let batch = 0; batch < batches; batch++) {
    const started = process.hrtime.bigint();
    for (let n = 0; n < batchSize; n++, i++) {
      const state = newState(i);
      await handler(state, () => Promise.resolve(completionFor(state)));
    }
    perCall.push(Number(process.hrtime.bigint() - started) / batchSize);
    // Let the ledger writer drain, as a real server's event loop would between requests.
    await yieldToEventLoop();
  }
  return perCall;
}

export async function runSpendBench(options: SpendBenchOptions = {}): Promise<SpendBenchResult> {
  const batches = options.batches ?? 200;
  const batchSize = options.batchSize ?? 1_000;
  const tracker = spend({ queue: { maxQueueSize: batchSize * 4, batchSize, flushIntervalMs: 0 } });
  const handler = tracker.stages.spend;
  if (handler === undefined) throw new Error('spend() has no spend-stage handler');
  const passThrough: MiddlewareHandler = (_state, next) => next();

  // Warm up both paths (JIT, the price lookup cache), then alternate to share any machine noise.
  await timeHandler(handler, 20, batchSize);
  await timeHandler(passThrough, 20, batchSize);
  const baseline: Array<number> = [];
  const measured: Array<number> = [];
  for (let round = 0; round < 4; round++) {
    baseline.push(...(await timeHandler(passThrough, batches / 4, batchSize)));
    measured.push(...(await timeHandler(handler, batches / 4, batchSize)));
  }
  await tracker.flush();
  const ledger = tracker.stats().ledger;
  if (ledger.dropped > 0) throw new Error(`the bench dropped ${ledger.dropped} ledger records`);

  const table = createPriceTable();
  const usage = {
    prompt_tokens: 1_200,
    completion_tokens: 300,
    prompt_tokens_details: { cached_tokens: 400 },
  };
  const costSamples: Array<number> = [];
  let sink = 0;
  for (let batch = 0; batch < 50; batch++) {
    const started = process.hrtime.bigint();
    for (let n = 0; n < 10_000; n++) {
      sink += table.cost({ providerKey: 'openai-primary', model: 'gpt-4o', usage }) ?? 0;
    }
    costSamples.push(Number(process.hrtime.bigint() - started) / 10_000);
  }
  if (sink <= 0) throw new Error('pricing returned nothing');

  const drainStore = spend({ queue: { maxQueueSize: 100_000, flushIntervalMs: 60_000 } });
  const drainHandler = drainStore.stages.spend;
  if (drainHandler === undefined) throw new Error('spend() has no spend-stage handler');
  for (let i = 0; i < 50_000; i++) {
    const state = newState(i);
    await drainHandler(state, () => Promise.resolve(completionFor(state)));
  }
  const drainStarted = process.hrtime.bigint();
  await drainStore.flush();
  const drainNsPerRecord = Number(process.hrtime.bigint() - drainStarted) / 50_000;

  const baselineNs = median(baseline);
  const spendNs = median(measured);
  const overheadNs = Math.max(0, spendNs - baselineNs);
  const targetNs = 3_000;
  return {
    baselineNs,
    spendNs,
    overheadNs,
    costNs: median(costSamples),
    drainNsPerRecord,
    targetNs,
    pass: overheadNs <= targetNs,
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const result = await runSpendBench();
  const ns = (value: number) => `${(value / 1000).toFixed(2)} µs`;
  process.stdout.write(
    [
      'spend: request-path overhead per request',
      `  pass-through handler        ${ns(result.baselineNs)}`,
      `  spend handler               ${ns(result.spendNs)}`,
      `  cost + ledger overhead      ${ns(result.overheadNs)}   (target ≤ ${ns(result.targetNs)}: ${result.pass ? 'met' : 'MISSED'})`,
      `  of which PriceTable.cost()  ${ns(result.costNs)}`,
      `  ledger drain (background)   ${ns(result.drainNsPerRecord)} per record`,
      JSON.stringify(result),
      '',
    ].join('\n'),
  );
}
