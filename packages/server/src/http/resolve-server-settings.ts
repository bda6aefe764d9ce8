import type { Environment } from '../config/substitute-env.js';
import type { KeyEntry } from './auth/key-store.js';
import type { CreateServerOptions } from './server-options.js';

export interface ServerSettings {
  keys: Array<KeyEntry>;
  adminKey: string | undefined;
  perKeyLimit: number | undefined;
  perIpLimit: number | undefined;
  bodyLimit: number;
  corsOrigins: ReadonlyArray<string> | undefined;
  trustProxyHops: number;
  protectMetrics: boolean;
  shutdownTimeoutMs: number;
  /** Serve `/metrics` on its own port (observability.metrics.port) instead of the API listener. */
  metricsPort: number | undefined;
  metricsEnabled: boolean;
  warnings: Array<string>;
}

const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** `SWITCHYARD_API_KEYS=key1,key2` */
const keysFromEnv = (env: Environment): Array<KeyEntry> =>
  (env.SWITCHYARD_API_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map((key) => ({ key }));

/** Server settings from code options, then the environment (secrets), then the config file. */
export function resolveServerSettings(options: CreateServerOptions, env: Environment): ServerSettings {
  const server = options.config?.server ?? {};
  const observability = options.config?.observability;
  const warnings: Array<string> = [];
  const keys: Array<KeyEntry> = [
    ...(server.api_keys ?? []).map((entry) => ({
      key: entry.key,
      id: entry.id,
      ...(entry.metadata === undefined ? {} : { metadata: entry.metadata }),
      ...(entry.routes === undefined ? {} : { routes: entry.routes }),
      ...(entry.rate_limit === undefined ? {} : { requestsPerMinute: entry.rate_limit.requests_per_minute }),
    })),
    ...(options.apiKeys ?? []).map((entry) => ({
      key: entry.key,
      id: entry.id,
      ...(entry.metadata === undefined ? {} : { metadata: entry.metadata }),
      ...(entry.routes === undefined ? {} : { routes: entry.routes }),
      ...(entry.requestsPerMinute === undefined ? {} : { requestsPerMinute: entry.requestsPerMinute }),
    })),
    ...keysFromEnv(env),
  ];
  if (keys.some((entry) => entry.key.length < 16)) {
    warnings.push(
      'auth: a gateway key is shorter than 16 characters; use long random keys (openssl rand -hex 32)',
    );
  }
  if (keys.length === 0) {
    warnings.push(
      'auth: no gateway API keys (SWITCHYARD_API_KEYS or server.api_keys) — /v1 is open to anyone who can reach it',
    );
  }
  const adminKey = options.adminKey ?? (env.SWITCHYARD_ADMIN_KEY || undefined) ?? server.admin_key;
  if (adminKey === undefined)
    warnings.push('admin: no SWITCHYARD_ADMIN_KEY — the admin API (/v1/admin/*) is off');
  const metrics = observability?.metrics;
  return {
    keys,
    adminKey,
    perKeyLimit: options.rateLimits?.perKey ?? server.rate_limits?.per_key?.requests_per_minute,
    perIpLimit: options.rateLimits?.perIp ?? server.rate_limits?.per_ip?.requests_per_minute,
    bodyLimit: options.bodyLimit ?? server.body_limit ?? DEFAULT_BODY_LIMIT,
    corsOrigins: options.cors?.origins ?? server.cors?.origins,
    trustProxyHops: options.trustProxyHops ?? server.trust_proxy_hops ?? 0,
    protectMetrics: options.protectMetrics ?? server.metrics?.protected ?? false,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? server.shutdown_timeout ?? DEFAULT_SHUTDOWN_TIMEOUT_MS,
    metricsPort: metrics?.enabled === false ? undefined : metrics?.port,
    metricsEnabled: metrics?.enabled !== false,
    warnings,
  };
}
