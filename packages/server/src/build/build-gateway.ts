import {
  createGateway,
  type FetchFunction,
  type Gateway,
  type Middleware,
  type Pricing,
  type ProviderAdapter,
  redisCircuitStore,
} from '@switchyard/core';
import type { AdminInstances } from '../admin/admin-instances.js';
import { ConfigError } from '../config/config-error.js';
import type { SwitchyardConfig } from '../config/switchyard-config.js';
import type { Logger } from '../logging/logger.js';
import { connectStorage } from '../storage/connect-storage.js';
import type { StorageClients } from '../storage/storage-clients.js';
import { buildStrategies } from './build-strategies.js';
import { createProviderAdapter } from './create-provider-adapter.js';
import { applyCacheSection } from './sections/apply-cache-section.js';
import { applyGuardrailsSection } from './sections/apply-guardrails-section.js';
import { applyObservabilitySection } from './sections/apply-observability-section.js';
import { applyPromptsSection } from './sections/apply-prompts-section.js';
import { applySpendSection } from './sections/apply-spend-section.js';
import { httpRequestOptions } from './sections/http-request-options.js';
import type { AppliedSection, SectionAdapter } from './sections/section-adapter.js';

/** Sections with an adapter; the others are validated and reported as not applied (see configWarnings). */
const SECTION_ADAPTERS: ReadonlyArray<SectionAdapter> = [
  applyPromptsSection,
  applyGuardrailsSection,
  applyCacheSection,
  applySpendSection,
  // After spend: its request log replaces the ledger-backed one.
  applyObservabilitySection,
];

export interface BuildGatewayOptions {
  logger: Logger;
  /** Connections to use instead of opening them from `storage:` (they are not closed by the server). */
  storage?: StorageClients;
  /** `fetch` for provider calls (record, stub or proxy all upstream traffic). */
  fetch?: FetchFunction;
  /** Aborts connecting to stores (shutdown during startup). */
  signal?: AbortSignal;
}

export interface BuiltGateway {
  gateway: Gateway;
  admin: AdminInstances;
  storage: StorageClients;
  /** Prometheus text from the applied sections (telemetry), for `/metrics`. */
  metrics(): Promise<string>;
  /** Flushes sections (ledger, logs) and closes the connections the server opened. */
  close(): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function createProviders(config: SwitchyardConfig): Promise<Record<string, ProviderAdapter>> {
  const entries = Object.entries(config.providers ?? {});
  if (entries.length === 0) {
    throw new ConfigError([
      { path: 'providers', message: 'at least one provider is needed to serve requests' },
    ]);
  }
  const adapters = await Promise.all(
    entries.map(async ([name, provider]) => {
      try {
        return [name, await createProviderAdapter(name, provider)] as const;
      } catch (error) {
        throw new ConfigError([{ path: `providers.${name}`, message: message(error) }], { cause: error });
      }
    }),
  );
  return Object.fromEntries(adapters);
}

/** The composition root: providers, strategies and every applied section, as one gateway. */
export async function buildGateway(
  config: SwitchyardConfig,
  options: BuildGatewayOptions,
): Promise<BuiltGateway> {
  const { logger } = options;
  const ownsStorage = options.storage === undefined;
  const storage = options.storage ?? (await connectStorage(config.storage ?? {}, logger, options.signal));
  const applied: Array<AppliedSection> = [];
  try {
    const providers = await createProviders(config);
    const routes = buildStrategies(config.strategies ?? {}, config.providers ?? {});
    let gateway: Gateway | undefined;
    const context = {
      config,
      storage,
      logger,
      fetch: options.fetch,
      gateway: () => {
        if (gateway === undefined) throw new Error('The gateway is not built yet.');
        return gateway;
      },
    };
    for (const adapter of SECTION_ADAPTERS) {
      const section = await adapter(context);
      if (section !== undefined) applied.push(section);
    }
    // Request options that travel in the body over HTTP (guardrail sets, prompt variables) come first.
    const middleware: Array<Middleware> = [
      httpRequestOptions,
      ...applied.flatMap((section) => section.middleware ?? []),
    ];
    const pricing: Pricing | undefined = applied.find((section) => section.pricing !== undefined)?.pricing;
    const settings = config.gateway ?? {};
    const breaker = settings.circuit_breaker;
    gateway = createGateway({
      providers,
      routes,
      middleware,
      ...(settings.default_route === undefined ? {} : { defaultRoute: settings.default_route }),
      ...(settings.metadata === undefined ? {} : { metadata: settings.metadata }),
      ...(settings.timeout === undefined ? {} : { timeout: settings.timeout }),
      ...(settings.max_retries === undefined ? {} : { maxRetries: settings.max_retries }),
      ...(pricing === undefined ? {} : { pricing }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(breaker === undefined
        ? {}
        : {
            circuitBreaker: {
              ...(breaker.failure_threshold === undefined
                ? {}
                : { failureThreshold: breaker.failure_threshold }),
              ...(breaker.cooldown === undefined ? {} : { cooldownMs: breaker.cooldown }),
              ...(storage.redis === undefined ? {} : { store: redisCircuitStore(storage.redis.client) }),
            },
          }),
    });
    const admin: AdminInstances = {};
    for (const section of applied) Object.assign(admin, section.admin);
    return {
      gateway,
      admin,
      storage,
      metrics: async () => {
        const texts = await Promise.all(applied.map((section) => section.metrics?.() ?? ''));
        return texts.filter((text) => text !== '').join('\n');
      },
      close: async () => {
        const results = await Promise.allSettled(applied.map((section) => section.close?.()));
        for (const result of results)
          if (result.status === 'rejected')
            logger.error('shutdown: a section failed to close', { error: result.reason });
        if (ownsStorage) await closeStorage(storage, logger);
      },
    };
  } catch (error) {
    await Promise.allSettled(applied.map((section) => section.close?.()));
    if (ownsStorage) await closeStorage(storage, logger);
    throw error;
  }
}

async function closeStorage(storage: StorageClients, logger: Logger): Promise<void> {
  const results = await Promise.allSettled([storage.redis?.close(), storage.sql?.close()]);
  for (const result of results)
    if (result.status === 'rejected')
      logger.warn('shutdown: closing a store failed', { error: result.reason });
}
