/**
 * Request-path overhead of `@switchyard/telemetry` with logs, metrics and tracing all on, per request.
 *
 *   node --conditions=@switchyard/source --import tsx packages/telemetry/bench/telemetry-bench.ts
 *
 * Runs the telemetry middleware's handler against a `next()` that answers at once with a priced
 * completion, and the same loop through a pass-through handler; the difference is what telemetry adds
 * to a request. Measured twice: with no tracer provider registered (target ≤ 5 µs) and with an
 * OpenTelemetry SDK tracer recording every span (reported). Log records are redacted and written by the
 * background writer between batches of 200 (its write batch size), off the request path; that drain is
 * timed separately.
 * Prints a table and one JSON line; `runTelemetryBench()` returns the numbers.
 */
import { pathToFileURL } from 'node:url';
import {
  BasicTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { ChatCompletion, GatewayResult, MiddlewareHandler, MiddlewareState } from '@switchyard/core';
import { memorySink, type Telemetry, telemetry } from '../src/index.js';

export interface TelemetryBenchResult {
  /** Median ns per request through the pass-through handler. */
  baselineNs: number;
  /** Median ns per request through telemetry (logs + metrics + tracing, no tracer provider). */
  telemetryNs: number;
  /** `telemetryNs - baselineNs`. */
  overheadNs: number;
  /** Overhead with an SDK tracer recording the request span and its attempt spans. */
  recordingOverheadNs: number;
  /** Background log drain per record (redaction + memory sink), off the request path. */
  drainNsPerRecord: number;
  targetNs: number;
  pass: boolean;
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const newState = (i: number): MiddlewareState => ({
  request: { model: 'chat', messages: [{ role: 'user', content: 'Hello' }], temperature: 0.2 },
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
    estimated_cost: 0.0063,
  };
  state.usage = usage;
  const completion: ChatCompletion = {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'Hi!', refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage,
    switchyard: {
      provider: 'openai-primary',
      model: 'gpt-4o',
      route: 'chat',
      attempts: state.attempts,
      cache: 'miss',
      latencyMs: 1,
      traceId: state.traceId,
      warnings: [],
    },
  };
  return { type: 'completion', completion };
};

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const timeBatches = async (
  handler: MiddlewareHandler,
  batches: number,
  batchSize: number,
  between: () => Promise<void>,
): Promise<Array<number>> => {
  const perRequest: Array<number> = [];
  let i = 0;
  for (let batch = 0; batch < batches; batch++) {
    const started = performance.now();
    for (let n = 0; n < batchSize; n++) {
      const state = newState(i++);
      await handler(state, async () => completionFor(state));
    }
    perRequest.push(((performance.now() - started) * 1e6) / batchSize);
    await between();
  }
  return perRequest;
};

const handlerOf = (instance: Telemetry): MiddlewareHandler => {
  const handler = instance.stages.telemetry;
  if (handler === undefined) throw new Error('telemetry() has a telemetry stage');
  return handler;
};

/** Drops spans: the bench measures making them, not exporting them. */
const discard: SpanExporter = {
  export: (_spans: Array<ReadableSpan>, done) => done({ code: 0 }),
  shutdown: async () => {},
};

export async function runTelemetryBench(options: { batches?: number; batchSize?: number } = {}) {
  const batches = options.batches ?? 300;
  // One batch is one log write batch: the writer drains every `batchSize` (200) records as soon as the
  // event loop turns, which a server's does between requests but this loop's awaits never do. Bigger
  // batches would keep thousands of requests alive until the drain and measure garbage collection.
  const batchSize = options.batchSize ?? 200;
  const noTracer = telemetry({
    logs: { sinks: [memorySink({ maxRecords: 10_000 })], maxQueueSize: 100_000 },
  });
  const recording = telemetry({
    logs: { sinks: [memorySink({ maxRecords: 10_000 })], maxQueueSize: 100_000 },
    tracing: {
      tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(discard)] }),
    },
  });
  const passThrough: MiddlewareHandler = (_state, next) => next();
  let drainMs = 0;
  let drained = 0;
  const drain = (instance: Telemetry) => async () => {
    const queued = instance.logs.stats()[0]?.queued ?? 0;
    const started = performance.now();
    await instance.logs.flush();
    drainMs += performance.now() - started;
    drained += queued;
    await yieldToEventLoop();
  };
  // Warm up every path, then measure them interleaved so drift hits all alike.
  await timeBatches(passThrough, 5, batchSize, yieldToEventLoop);
  await timeBatches(handlerOf(noTracer), 5, batchSize, drain(noTracer));
  await timeBatches(handlerOf(recording), 5, batchSize, drain(recording));
  drainMs = 0;
  drained = 0;
  const baseline: Array<number> = [];
  const plain: Array<number> = [];
  const traced: Array<number> = [];
  for (let round = 0; round < batches; round++) {
    baseline.push(...(await timeBatches(passThrough, 1, batchSize, yieldToEventLoop)));
    plain.push(...(await timeBatches(handlerOf(noTracer), 1, batchSize, drain(noTracer))));
    traced.push(...(await timeBatches(handlerOf(recording), 1, batchSize, drain(recording))));
  }
  const baselineNs = median(baseline);
  const telemetryNs = median(plain);
  const overheadNs = Math.max(0, telemetryNs - baselineNs);
  const targetNs = 5_000;
  const result: TelemetryBenchResult = {
    baselineNs: Math.round(baselineNs),
    telemetryNs: Math.round(telemetryNs),
    overheadNs: Math.round(overheadNs),
    recordingOverheadNs: Math.round(Math.max(0, median(traced) - baselineNs)),
    drainNsPerRecord: Math.round(drained === 0 ? 0 : (drainMs * 1e6) / drained),
    targetNs,
    pass: overheadNs <= targetNs,
  };
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runTelemetryBench();
  const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
  console.log('telemetry overhead per request (logs + metrics + tracing)');
  console.log(`  pass-through handler        ${us(result.baselineNs)}`);
  console.log(
    `  telemetry, no tracer        ${us(result.telemetryNs)}  → overhead ${us(result.overheadNs)} (target ≤ ${us(result.targetNs)}: ${result.pass ? 'met' : 'MISSED'})`,
  );
  console.log(`  telemetry, SDK tracer       overhead ${us(result.recordingOverheadNs)} (reported)`);
  console.log(`  log drain, off request path ${us(result.drainNsPerRecord)} per record`);
  console.log(JSON.stringify({ telemetryBench: result }));
}
