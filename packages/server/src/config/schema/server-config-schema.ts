import { z } from 'zod';
import {
  byteSize,
  nonNegativeInteger,
  positiveInteger,
  seconds,
  strictObject,
  stringMap,
  text,
  yamlBoolean,
} from './yaml-values.js';

const rateLimitSchema = strictObject({ requests_per_minute: positiveInteger() });

/** A gateway API key with its own identity, metadata, allowed routes and rate limit. */
export const apiKeyConfigSchema = strictObject({
  /** The secret; write `${TEAM_A_KEY}` rather than the key itself. */
  key: z.string().min(16, 'expected a key of at least 16 characters'),
  /** Shown in logs, metrics and spend reports instead of the key. Default: `key-<hash prefix>`. */
  id: text().optional(),
  /** Merged over each request's metadata (attribution in spend reports, budgets, routing conditions). */
  metadata: stringMap().optional(),
  /** Routes (or `provider/*` patterns) this key may use. Default: all. */
  routes: z.array(text()).optional(),
  rate_limit: rateLimitSchema.optional(),
});

export type ApiKeyConfig = z.output<typeof apiKeyConfigSchema>;

/** `server:` — the HTTP listener, authentication and limits. Secrets also come from the environment. */
export const serverConfigSchema = strictObject({
  host: text().optional(),
  port: z
    .preprocess(
      (value) => (typeof value === 'string' ? Number(value) : value),
      z.number().int().min(0).max(65_535),
    )
    .optional(),
  /** Largest request body. Default `10mb`. */
  body_limit: byteSize().optional(),
  /** Off by default; list the browser origins allowed to call the API. */
  cors: strictObject({ origins: z.array(z.string().min(1)).min(1) }).optional(),
  /** Proxies in front of the server whose `X-Forwarded-For` entry is trusted, for per-IP limits. Default 0. */
  trust_proxy_hops: nonNegativeInteger().optional(),
  /** How long shutdown waits for in-flight requests and streams. Seconds or a duration. Default 25 s. */
  shutdown_timeout: seconds().optional(),
  api_keys: z.array(apiKeyConfigSchema).optional(),
  /** Key for `/v1/admin/*` (and `/metrics` when protected); `SWITCHYARD_ADMIN_KEY` wins. */
  admin_key: z.string().min(16, 'expected a key of at least 16 characters').optional(),
  rate_limits: strictObject({
    per_key: rateLimitSchema.optional(),
    per_ip: rateLimitSchema.optional(),
  }).optional(),
  metrics: strictObject({ protected: yamlBoolean().optional() }).optional(),
  log_level: z.enum(['debug', 'info', 'warn', 'error']).optional(),
});

export type ServerSettings = z.output<typeof serverConfigSchema>;
