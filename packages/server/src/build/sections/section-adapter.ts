import type { FetchFunction, Gateway, Middleware, Pricing } from '@switchyard/core';
import type { AdminInstances } from '../../admin/admin-instances.js';
import type { SwitchyardConfig } from '../../config/switchyard-config.js';
import type { Logger } from '../../logging/logger.js';
import type { StorageClients } from '../../storage/storage-clients.js';

export interface SectionContext {
  readonly config: SwitchyardConfig;
  readonly storage: StorageClients;
  /** The gateway the section is part of; call it only at request time (it is created after the sections). */
  readonly gateway: () => Gateway;
  readonly logger: Logger;
  /** The `fetch` given for provider calls, for sections that call services of their own (moderation). */
  readonly fetch: FetchFunction | undefined;
}

/** What a config section contributes to the running server. */
export interface AppliedSection {
  middleware?: ReadonlyArray<Middleware>;
  /** Instances the admin routes serve. */
  admin?: AdminInstances;
  pricing?: Pricing;
  /** Prometheus text added to `/metrics`. */
  metrics?: (() => Promise<string>) | undefined;
  /** Flushes and releases what the section holds (called once on shutdown). */
  close?: () => Promise<void>;
}

/**
 * Plugs one config section into the server: reads its part of the config and returns the middleware
 * and admin instances it makes, or undefined when the section is absent or off. A package that lands
 * (guardrails, prompts, telemetry) gets an adapter here and its "not applied" warning removed.
 */
export type SectionAdapter = (context: SectionContext) => Promise<AppliedSection | undefined>;
