import type { FetchFunction, Gateway } from '@switchyard/core';
import type { AdminInstances } from '../admin/admin-instances.js';
import type { Environment } from '../config/substitute-env.js';
import type { SwitchyardConfig } from '../config/switchyard-config.js';
import type { Logger } from '../logging/logger.js';
import type { StorageClients } from '../storage/storage-clients.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';

/** A gateway API key given in code (config files use `server.api_keys`, the environment `SWITCHYARD_API_KEYS`). */
export interface ApiKeyOptions {
  key: string;
  /** Default: `key-<hash prefix>`. */
  id?: string;
  metadata?: Record<string, string>;
  /** Route names or `provider/*` patterns. Default: all. */
  routes?: ReadonlyArray<string>;
  requestsPerMinute?: number;
}

interface CommonServerOptions {
  /** Where `SWITCHYARD_API_KEYS` and `SWITCHYARD_ADMIN_KEY` are read. Default `process.env`. */
  env?: Environment;
  /** Structured JSON logs. Default: JSON lines on stdout at `server.log_level` (info). */
  logger?: Logger;
  /** Gateway keys in addition to the config's and the environment's. */
  apiKeys?: ReadonlyArray<ApiKeyOptions>;
  /** The admin key. Default: `SWITCHYARD_ADMIN_KEY`, else `server.admin_key`; without one the admin API is off. */
  adminKey?: string;
  /** Requests per minute per gateway key and per client IP. Default: `server.rate_limits`, else unlimited. */
  rateLimits?: { perKey?: number; perIp?: number };
  /** Default: Redis-backed when Redis storage is configured, else in memory. */
  rateLimiter?: RateLimiter;
  /** Largest request body in bytes. Default `server.body_limit`, else 10 MiB. */
  bodyLimit?: number;
  /** Allowed browser origins. Default: `server.cors`, else CORS is off. */
  cors?: { origins: ReadonlyArray<string> };
  /** Proxies whose `X-Forwarded-For` entry is trusted for per-IP limits. Default 0. */
  trustProxyHops?: number;
  /** Require the admin key for `/metrics`. Default `server.metrics.protected`, else false. */
  protectMetrics?: boolean;
  /** Milliseconds shutdown waits for in-flight requests and streams. Default `server.shutdown_timeout`, else 25 000. */
  shutdownTimeoutMs?: number;
}

/** Serve a gateway you built in code, with the admin instances you hold. */
export interface GatewayServerOptions extends CommonServerOptions {
  gateway: Gateway;
  admin?: AdminInstances;
  config?: undefined;
}

/** Build everything from a configuration loaded with `loadConfig`. */
export interface ConfigServerOptions extends CommonServerOptions {
  config: SwitchyardConfig;
  gateway?: undefined;
  /** Store connections to use instead of opening `storage:` URLs (the server does not close them). */
  storage?: StorageClients;
  /** `fetch` for provider calls, e.g. to record or stub upstream traffic. */
  fetch?: FetchFunction;
}

export type CreateServerOptions = GatewayServerOptions | ConfigServerOptions;
