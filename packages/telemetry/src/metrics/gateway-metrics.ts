import { InvalidConfigError } from '@switchyard/core';
import { Gauge, Histogram, Registry } from 'prom-client';
import type { SinkStats } from '../logs/sink-writer.js';
import { forEachHop } from '../request/count-hops.js';
import { readGuardrailVerdicts } from '../request/read-guardrail-verdicts.js';
import type { RequestOutcome } from '../request/request-outcome.js';
import { CounterFamily } from './counter-family.js';
import { LabelLimiter } from './label-limiter.js';
import {
  type CircuitMetricsSource,
  DEFAULT_DURATION_BUCKETS,
  DEFAULT_METRIC_PREFIX,
  DEFAULT_TTFT_BUCKETS,
  type MetricsOptions,
} from './metrics-options.js';

const METRIC_PREFIX = /^[a-zA-Z_:][a-zA-Z0-9_:]*$|^$/;
const CIRCUIT_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const;
const MAX_CIRCUITS = 1_000;

type HistogramChild = Histogram.Internal<'provider' | 'model'>;

/** Every metric of one telemetry instance, and how a finished request updates them. */
export class GatewayMetrics {
  readonly registry: Registry;
  private readonly labels: LabelLimiter;
  private readonly requests: CounterFamily<'provider' | 'model' | 'status' | 'code'>;
  private readonly tokens: CounterFamily<'provider' | 'model' | 'type'>;
  private readonly cacheHits: CounterFamily<'result'>;
  private readonly spend: CounterFamily<'provider' | 'model'>;
  private readonly retries: CounterFamily<'provider' | 'model'>;
  private readonly fallbacks: CounterFamily<'provider' | 'model'>;
  private readonly guardrails: CounterFamily<'check' | 'stage' | 'verdict'>;
  private readonly duration: Histogram<'provider' | 'model'>;
  private readonly ttft: Histogram<'provider' | 'model'>;
  private readonly durationChildren = new Map<string, Map<string, HistogramChild>>();
  private readonly ttftChildren = new Map<string, Map<string, HistogramChild>>();
  private readonly trackCircuits: boolean;
  private readonly circuits = new Map<string, { provider: string; model: string }>();
  private inFlight = 0;

  constructor(
    options: MetricsOptions,
    clean: (value: string) => string,
    sinkStats: () => ReadonlyArray<SinkStats>,
  ) {
    const prefix = options.prefix ?? DEFAULT_METRIC_PREFIX;
    if (!METRIC_PREFIX.test(prefix)) {
      throw new InvalidConfigError(`Metric prefix '${prefix}' is not a valid Prometheus metric name prefix.`);
    }
    const registry = options.registry ?? new Registry();
    this.registry = registry;
    this.labels = new LabelLimiter(options.maxLabelValues ?? 100, clean);
    const name = (suffix: string) => `${prefix}${suffix}`;
    const counter = <L extends string>(suffix: string, help: string, labelNames: ReadonlyArray<L>) => {
      if (labelNames.length > 4) throw new Error('CounterFamily takes at most four labels.');
      return new CounterFamily(registry, name(suffix), help, labelNames);
    };

    this.requests = counter('requests_total', 'Requests by provider, model and outcome.', [
      'provider',
      'model',
      'status',
      'code',
    ]);
    this.duration = new Histogram({
      name: name('request_duration_seconds'),
      help: 'Request latency in seconds, until the last chunk for streams.',
      labelNames: ['provider', 'model'],
      buckets: [...(options.durationBuckets ?? DEFAULT_DURATION_BUCKETS)],
      registers: [registry],
    });
    this.ttft = new Histogram({
      name: name('time_to_first_token_seconds'),
      help: 'Streams: seconds until the first chunk reached the caller.',
      labelNames: ['provider', 'model'],
      buckets: [...(options.timeToFirstTokenBuckets ?? DEFAULT_TTFT_BUCKETS)],
      registers: [registry],
    });
    this.tokens = counter('tokens_total', 'Provider tokens by type (input, output, cached, reasoning).', [
      'provider',
      'model',
      'type',
    ]);
    this.cacheHits = counter('cache_hits_total', 'Cache lookups by result (hit, semantic_hit, miss).', [
      'result',
    ]);
    this.spend = counter('spend_total', 'Estimated spend in USD.', ['provider', 'model']);
    this.retries = counter('retries_total', 'Retries, by the target that was retried.', [
      'provider',
      'model',
    ]);
    this.fallbacks = counter('fallbacks_total', 'Fallbacks, by the target that was left.', [
      'provider',
      'model',
    ]);
    this.guardrails = counter('guardrail_verdicts_total', 'Guardrail check results.', [
      'check',
      'stage',
      'verdict',
    ]);
    const inFlight: Gauge = new Gauge({
      name: name('requests_in_flight'),
      help: 'Requests (and open streams) in progress.',
      registers: [registry],
      collect: () => inFlight.set(this.inFlight),
    });
    this.registerSinkCounters(name, sinkStats);
    this.trackCircuits = options.circuits !== undefined;
    if (options.circuits !== undefined) this.registerCircuitGauge(name('circuit_state'), options.circuits);
  }

  requestStarted(): void {
    this.inFlight++;
  }

  record(outcome: RequestOutcome): void {
    this.inFlight--;
    const { state } = outcome;
    const last = state.attempts[state.attempts.length - 1];
    const provider = this.labels.value('provider', state.provider ?? last?.provider ?? 'none');
    const model = this.labels.value('model', state.model ?? last?.model ?? 'none');
    this.requests.add(1, provider, model, outcome.status, String(outcome.statusCode));
    this.child(this.durationChildren, this.duration, provider, model).observe(outcome.durationMs / 1000);
    if (outcome.timeToFirstTokenMs !== undefined) {
      this.child(this.ttftChildren, this.ttft, provider, model).observe(outcome.timeToFirstTokenMs / 1000);
    }
    const cacheHit = state.cache === 'hit' || state.cache === 'semantic-hit';
    if (state.cache !== 'bypass')
      this.cacheHits.add(1, state.cache === 'semantic-hit' ? 'semantic_hit' : state.cache);
    const usage = outcome.usage;
    // Answers from the gateway's cache consumed no provider tokens and cost nothing.
    if (usage !== undefined && !cacheHit) {
      this.tokens.add(usage.prompt_tokens, provider, model, 'input');
      this.tokens.add(usage.completion_tokens, provider, model, 'output');
      const cached = usage.prompt_tokens_details?.cached_tokens;
      if (cached) this.tokens.add(cached, provider, model, 'cached');
      const reasoning = usage.completion_tokens_details?.reasoning_tokens;
      if (reasoning) this.tokens.add(reasoning, provider, model, 'reasoning');
      if (usage.estimated_cost) this.spend.add(usage.estimated_cost, provider, model);
    }
    if (state.attempts.length > 1) {
      forEachHop(state.attempts, (kind, from) => {
        const family = kind === 'retry' ? this.retries : this.fallbacks;
        family.add(1, this.labels.value('provider', from.provider), this.labels.value('model', from.model));
      });
    }
    if (state.locals.size > 0) {
      for (const verdict of readGuardrailVerdicts(state, (text) => text)) {
        this.guardrails.add(
          1,
          this.labels.value('check', verdict.check),
          this.labels.value('stage', verdict.stage),
          this.labels.value('verdict', verdict.verdict),
        );
      }
    }
    if (this.trackCircuits && this.circuits.size < MAX_CIRCUITS) {
      for (const attempt of state.attempts) {
        const circuit = `${attempt.provider}/${attempt.model}`;
        if (!this.circuits.has(circuit)) {
          this.circuits.set(circuit, {
            provider: this.labels.value('provider', attempt.provider),
            model: this.labels.value('model', attempt.model),
          });
        }
      }
    }
  }

  private child(
    cache: Map<string, Map<string, HistogramChild>>,
    histogram: Histogram<'provider' | 'model'>,
    provider: string,
    model: string,
  ): HistogramChild {
    let byModel = cache.get(provider);
    if (byModel === undefined) {
      byModel = new Map();
      cache.set(provider, byModel);
    }
    let child = byModel.get(model);
    if (child === undefined) {
      child = histogram.labels({ provider, model });
      byModel.set(model, child);
    }
    return child;
  }

  /** `log_records_dropped_total` and `log_write_failures_total` per sink, read from the sinks' stats at scrape. */
  private registerSinkCounters(name: (suffix: string) => string, sinkStats: () => ReadonlyArray<SinkStats>) {
    const seen = new Map<string, { dropped: number; failedWrites: number }>();
    const sync = () => {
      for (const stats of sinkStats()) {
        const last = seen.get(stats.sink) ?? { dropped: 0, failedWrites: 0 };
        dropped.add(stats.dropped - last.dropped, stats.sink);
        failed.add(stats.failedWrites - last.failedWrites, stats.sink);
        seen.set(stats.sink, { dropped: stats.dropped, failedWrites: stats.failedWrites });
      }
    };
    const dropped = new CounterFamily(
      this.registry,
      name('log_records_dropped_total'),
      'Request log records dropped (queue full, or a failed batch that no longer fit).',
      ['sink'],
      sync,
    );
    const failed = new CounterFamily(
      this.registry,
      name('log_write_failures_total'),
      'Failed log sink writes (the records are retried).',
      ['sink'],
      sync,
    );
    sync();
  }

  private registerCircuitGauge(metricName: string, source: CircuitMetricsSource): void {
    const settings = {
      failureThreshold: source.failureThreshold ?? 5,
      cooldownMs: source.cooldownMs ?? 30_000,
    };
    const gauge: Gauge<'provider' | 'model'> = new Gauge({
      name: metricName,
      help: 'Circuit breaker state per provider/model: 0 closed, 1 half-open, 2 open.',
      labelNames: ['provider', 'model'],
      registers: [this.registry],
      collect: () => {
        const now = Date.now();
        for (const [key, labels] of this.circuits) {
          gauge.set(labels, CIRCUIT_VALUES[source.store.peek(key, now, settings)]);
        }
      },
    });
  }
}
