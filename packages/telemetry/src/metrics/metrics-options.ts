import type { CircuitStore } from '@switchyard/core';
import type { Registry } from 'prom-client';

/** Where `circuit_state` reads circuit breakers from: the store (and settings) given to `createGateway`. */
export interface CircuitMetricsSource {
  store: CircuitStore;
  /** As in `createGateway({ circuitBreaker })`. Default 5. */
  failureThreshold?: number;
  /** As in `createGateway({ circuitBreaker })`. Default 30 000. */
  cooldownMs?: number;
}

export interface MetricsOptions {
  /** The prom-client registry to register in. Default: a new registry owned by this instance. */
  registry?: Registry;
  /**
   * Prefix of every metric name. Default `switchyard_`. With `portkey_` the reference article's Grafana
   * queries (`rate(portkey_requests_total[5m])`…) work unchanged.
   */
  prefix?: string;
  /** `request_duration_seconds` buckets. Default 0.1 s … 300 s, suited to LLM calls. */
  durationBuckets?: ReadonlyArray<number>;
  /** `time_to_first_token_seconds` buckets. Default 0.05 s … 30 s. */
  timeToFirstTokenBuckets?: ReadonlyArray<number>;
  /** Distinct values kept per label (provider, model, check…); later ones are counted as `other`. Default 100. */
  maxLabelValues?: number;
  /** Export `circuit_state` per `provider/model` from this circuit store. Default: not exported. */
  circuits?: CircuitMetricsSource;
}

export const DEFAULT_METRIC_PREFIX = 'switchyard_';
export const DEFAULT_DURATION_BUCKETS: ReadonlyArray<number> = [
  0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300,
];
export const DEFAULT_TTFT_BUCKETS: ReadonlyArray<number> = [
  0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30,
];
