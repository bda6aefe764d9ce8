import type { Gateway } from '@switchyard/core';
import type { AdminInstances } from '../admin/admin-instances.js';
import { buildGateway } from '../build/build-gateway.js';
import type { SwitchyardConfig } from '../config/switchyard-config.js';
import { type AuditLog, createAuditLog } from '../logging/audit-log.js';
import type { Logger } from '../logging/logger.js';
import type { StorageClients } from '../storage/storage-clients.js';
import { VERSION } from '../version.js';
import { createKeyStore, type KeyStore } from './auth/key-store.js';
import { InFlight } from './lifecycle/in-flight.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { memoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { redisRateLimiter } from './rate-limit/redis-rate-limiter.js';
import type { ServerSettings } from './resolve-server-settings.js';
import type { CreateServerOptions } from './server-options.js';

export type ServerState = 'starting' | 'ready' | 'draining' | 'stopped' | 'failed';

/** Lifecycle of a server created by `createServer`, at `app.switchyard`. */
export interface ServerControl {
  /** Resolves once the gateway is built and its stores connected; rejects when that fails. */
  readonly ready: Promise<void>;
  readonly state: ServerState;
  readonly version: string;
  /** Startup notes: defaults standing in for settings, open auth, a missing admin key. */
  readonly warnings: ReadonlyArray<string>;
  /** Requests (streams included) being handled. */
  readonly inFlight: number;
  /** `observability.metrics.port`, when `/metrics` is served on its own listener. */
  readonly metricsPort: number | undefined;
  /**
   * Graceful shutdown: refuse new requests (503), wait up to `timeoutMs` for in-flight requests and
   * streams, abort the rest, then flush the ledger and close the stores. Idempotent.
   */
  shutdown(options?: { timeoutMs?: number }): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2000;
const ABORTED_STREAMS_GRACE_MS = 1000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref?.(),
    ),
  ]);

/** State shared by the routes of one server: the gateway once built, auth, limits, metrics, lifecycle. */
export class ServerRuntime implements ServerControl {
  readonly version = VERSION;
  readonly startedAt = Date.now();
  readonly metrics = new ServerMetrics();
  readonly audit: AuditLog;
  readonly keys: KeyStore;
  readonly ready: Promise<void>;
  readonly warnings: Array<string>;
  private readonly inFlightRequests = new InFlight();
  private readonly shutdownController = new AbortController();
  private readonly startupController = new AbortController();
  private currentState: ServerState = 'starting';
  private built:
    | {
        gateway: Gateway;
        admin: AdminInstances;
        storage: StorageClients;
        metrics(): Promise<string>;
        close(): Promise<void>;
      }
    | undefined;
  private configuration: SwitchyardConfig | undefined;
  private limiter: RateLimiter;
  private shuttingDown: Promise<void> | undefined;

  constructor(
    options: CreateServerOptions,
    readonly settings: ServerSettings,
    readonly logger: Logger,
  ) {
    this.audit = createAuditLog(logger);
    this.keys = createKeyStore(settings.keys);
    this.limiter = options.rateLimiter ?? memoryRateLimiter();
    this.warnings = [...(options.config?.warnings ?? []), ...settings.warnings];
    this.ready = this.start(options);
    // `ready` is observed through /ready and the CLI; an unobserved rejection must not crash an embedder.
    this.ready.catch(() => {});
  }

  get state(): ServerState {
    return this.currentState;
  }

  get inFlight(): number {
    return this.inFlightRequests.size;
  }

  get metricsPort(): number | undefined {
    return this.settings.metricsPort;
  }

  /** Aborts when shutdown gives up waiting: open streams end, pending upstream calls are cancelled. */
  get shutdownSignal(): AbortSignal {
    return this.shutdownController.signal;
  }

  get gateway(): Gateway | undefined {
    return this.built?.gateway;
  }

  get admin(): AdminInstances {
    return this.built?.admin ?? {};
  }

  /** Prometheus text of the applied sections (telemetry's gateway metrics). */
  sectionMetrics(): Promise<string> {
    return this.built?.metrics() ?? Promise.resolve('');
  }

  get rateLimiter(): RateLimiter {
    return this.limiter;
  }

  get config(): SwitchyardConfig | undefined {
    return this.configuration;
  }

  beginRequest(): () => void {
    const end = this.inFlightRequests.begin();
    this.metrics.inFlight = this.inFlightRequests.size;
    return () => {
      end();
      this.metrics.inFlight = this.inFlightRequests.size;
    };
  }

  private async start(options: CreateServerOptions): Promise<void> {
    try {
      if (options.gateway !== undefined) {
        this.built = {
          gateway: options.gateway,
          admin: options.admin ?? {},
          storage: {},
          metrics: async () => '',
          close: async () => {},
        };
      } else {
        this.configuration = options.config;
        const built = await buildGateway(options.config, {
          logger: this.logger,
          ...(options.storage === undefined ? {} : { storage: options.storage }),
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
          signal: this.startupController.signal,
        });
        const redis = built.storage.redis;
        if (options.rateLimiter === undefined && redis !== undefined)
          this.limiter = redisRateLimiter(redis.client);
        this.built = built;
      }
      if (this.currentState !== 'starting') {
        await this.built?.close();
        throw new Error('The server was shut down before it was ready.');
      }
      this.currentState = 'ready';
    } catch (error) {
      if (this.startupController.signal.aborted || this.currentState !== 'starting') throw error;
      this.currentState = 'failed';
      this.logger.error('startup failed', { error });
      throw error;
    }
  }

  /** Ready, and every shared store answers. */
  async checkReadiness(): Promise<{ ready: boolean; reason?: string }> {
    if (this.currentState !== 'ready') return { ready: false, reason: this.currentState };
    const storage = this.built?.storage ?? {};
    const checks = [
      ['redis', storage.redis],
      ['postgres', storage.sql],
    ] as const;
    for (const [name, store] of checks) {
      if (store === undefined) continue;
      try {
        await withTimeout(store.ping(), READINESS_TIMEOUT_MS);
      } catch (error) {
        return {
          ready: false,
          reason: `${name} unreachable: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    return { ready: true };
  }

  shutdown(options: { timeoutMs?: number } = {}): Promise<void> {
    this.shuttingDown ??= this.drain(options.timeoutMs ?? this.settings.shutdownTimeoutMs);
    return this.shuttingDown;
  }

  private async drain(timeoutMs: number): Promise<void> {
    const wasStarting = this.currentState === 'starting';
    this.currentState = 'draining';
    if (wasStarting) this.startupController.abort();
    this.logger.info('shutdown: draining', { inFlight: this.inFlight, timeoutMs });
    const drained = await this.inFlightRequests.idle(timeoutMs);
    if (!drained) {
      this.logger.warn('shutdown: deadline reached, aborting in-flight requests', {
        inFlight: this.inFlight,
      });
      this.shutdownController.abort(new Error('The server is shutting down.'));
      await this.inFlightRequests.idle(ABORTED_STREAMS_GRACE_MS);
    }
    if (!wasStarting) await this.built?.close();
    this.currentState = 'stopped';
    this.logger.info('shutdown: complete', { drained });
  }
}
