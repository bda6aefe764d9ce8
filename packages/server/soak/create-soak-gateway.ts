import { cache, memoryStore, type ResponseCache } from '@switchyard/cache';
import {
  createGateway,
  fallback,
  type Gateway,
  loadBalance,
  single,
  type TargetConfig,
} from '@switchyard/core';
import { openai } from '@switchyard/providers/openai';
import { memoryLedgerStore, type SpendTracker, spend } from '@switchyard/spend';
import { memorySink, type Telemetry, telemetry } from '@switchyard/telemetry';
import { type CountingLedgerStore, countingLedgerStore } from './counting-ledger-store.js';
import { type CountingLogSink, countingLogSink } from './counting-log-sink.js';
import { SOAK_PRICES } from './soak-prices.js';
import { SOAK_PROVIDERS, type SoakProviderName } from './soak-providers.js';

export interface SoakGatewayOptions {
  /** The adapter `baseURL` of each provider name. */
  readonly baseURL: (provider: string) => string;
  /** Each target's `timeout` (to first content) and `idleTimeout` (between stream chunks), ms. */
  readonly attemptTimeoutMs: number;
  /** Whole-request deadline, ms; generous, so only attempts time out. */
  readonly requestTimeoutMs: number;
}

/** The gateway under test and every part the invariants read. */
export interface SoakGateway {
  readonly gateway: Gateway;
  readonly ledger: CountingLedgerStore;
  readonly logs: CountingLogSink;
  readonly tracker: SpendTracker;
  readonly observability: Telemetry;
  readonly responseCache: ResponseCache;
  /** Calls the adapters made through their injected `fetch`. */
  readonly fetchCalls: () => number;
  /** Failures reported off the request path (ledger or log writes). */
  readonly backgroundErrors: () => number;
  /** Writes what is queued and closes spend and telemetry. */
  close(): Promise<void>;
}

/** Bounded stores: they fill within the first quarter of the run, so the heap check sees a plateau. */
const RETAINED = 1000;

/**
 * Everything issue #11 puts under load: real OpenAI adapters (official SDK, injected `fetch`) against the
 * chaos servers, fallback and load balancing with retries and per-target timeouts, the exact cache,
 * spend (priced by the gateway with the tracker's table) and telemetry (logs, metrics, no-op spans).
 */
export function createSoakGateway(options: SoakGatewayOptions): SoakGateway {
  let fetchCalls = 0;
  let backgroundErrors = 0;
  const countingFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    fetchCalls++;
    return globalThis.fetch(input, init);
  };
  const onBackgroundError = (): void => {
    backgroundErrors++;
  };
  const ledger = countingLedgerStore(memoryLedgerStore({ maxRecords: RETAINED }));
  const logs = countingLogSink(memorySink({ maxRecords: RETAINED }));
  const tracker = spend({ store: ledger, prices: SOAK_PRICES, onError: onBackgroundError });
  const observability = telemetry({ logs: { sinks: [logs], onError: onBackgroundError } });
  const responseCache = cache({ mode: 'exact', store: memoryStore({ maxSize: RETAINED }) });

  const providers = Object.fromEntries(
    Object.keys(SOAK_PROVIDERS).map((name) => [
      name,
      openai({ baseURL: options.baseURL(name), apiKey: 'sk-soak-not-a-real-key', fetch: countingFetch }),
    ]),
  );
  const target = (provider: SoakProviderName, retries: number): TargetConfig => ({
    provider,
    model: SOAK_PROVIDERS[provider].model,
    timeout: options.attemptTimeoutMs,
    idleTimeout: options.attemptTimeoutMs,
    retry: { attempts: retries },
  });

  const gateway = createGateway({
    providers,
    routes: {
      'soak-fallback': fallback([target('alpha', 2), target('beta', 1), target('gamma', 1)]),
      'soak-balanced': fallback([loadBalance([target('alpha', 0), target('beta', 0)]), target('gamma', 1)]),
      // No retry, no fallback: most provider faults reach the caller as typed errors.
      'soak-single': single(target('alpha', 0)),
    },
    middleware: [observability, tracker, responseCache],
    pricing: tracker.pricing,
    timeout: options.requestTimeoutMs,
    retryBaseDelayMs: 2,
    retryMaxDelayMs: 20,
  });

  return {
    gateway,
    ledger,
    logs,
    tracker,
    observability,
    responseCache,
    fetchCalls: () => fetchCalls,
    backgroundErrors: () => backgroundErrors,
    async close() {
      await tracker.close();
      await observability.close();
    },
  };
}
