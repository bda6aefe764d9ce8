export type {
  AdminInstances,
  PromptAdmin,
  RequestLogEntry,
  RequestLogSource,
} from './admin/admin-instances.js';
export { ledgerLogSource } from './admin/ledger-log-source.js';
export { httpRequestOptions } from './build/sections/http-request-options.js';
export { ConfigError } from './config/config-error.js';
export type { ConfigIssue } from './config/config-issue.js';
export { type LoadConfigOptions, loadConfig } from './config/load-config.js';
export { type ConfigSource, type ParseConfigOptions, parseConfig } from './config/parse-config.js';
export type { Environment } from './config/substitute-env.js';
export type { SwitchyardConfig } from './config/switchyard-config.js';
export { createServer, type SwitchyardServer } from './http/create-server.js';
export { type MemoryRateLimiterOptions, memoryRateLimiter } from './http/rate-limit/memory-rate-limiter.js';
export type { RateDecision, RateLimiter } from './http/rate-limit/rate-limiter.js';
export { type RedisRateLimiterOptions, redisRateLimiter } from './http/rate-limit/redis-rate-limiter.js';
export type {
  ApiKeyOptions,
  ConfigServerOptions,
  CreateServerOptions,
  GatewayServerOptions,
} from './http/server-options.js';
export type { ServerControl, ServerState } from './http/server-runtime.js';
export type { AuditEntry } from './logging/audit-log.js';
export {
  createJsonLogger,
  type JsonLoggerOptions,
  type LogFields,
  type Logger,
  type LogLevel,
} from './logging/logger.js';
export { type RunningServer, type StartServerOptions, startServer } from './node/start-server.js';
export type { SqlClient, StorageClients, StoreConnection } from './storage/storage-clients.js';
export { VERSION } from './version.js';
