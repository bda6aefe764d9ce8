import { z } from 'zod';
import {
  nonNegativeInteger,
  positiveInteger,
  positiveNumber,
  seconds,
  strictObject,
  stringMap,
  text,
  yamlBoolean,
} from './yaml-values.js';

const url = (protocols: RegExp, expected: string) =>
  z.url({ protocol: protocols, error: `expected ${expected}` });

/** `cache:` — the reference configuration's keys plus where entries live and what embeds for semantic mode. */
export const cacheConfigSchema = strictObject({
  enabled: yamlBoolean().optional(),
  mode: z.enum(['exact', 'semantic']).optional(),
  /** Seconds. */
  ttl: positiveNumber().optional(),
  max_size: positiveInteger().optional(),
  similarity_threshold: z.number().gt(0).lte(1).optional(),
  /** A route or `provider/model` for embeddings; needed by `mode: semantic`. */
  embedding_model: text().optional(),
  /** Default: `redis` when `storage.redis_url` is set, else `memory`. */
  store: z.enum(['memory', 'redis', 'postgres']).optional(),
  /** Metadata key that keeps tenants apart. Default `api_key_id` (the server sets it per gateway key). */
  namespace: text().optional(),
});

const channelSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({ type: z.literal('webhook'), url: url(/^https?$/, 'an http(s) URL') }),
    strictObject({
      type: z.literal('email'),
      address: z.email().optional(),
      to: z.email().optional(),
      from: z.email().optional(),
    }),
    strictObject({
      type: z.literal('pagerduty'),
      integration_key: text().optional(),
      routing_key: text().optional(),
      url: url(/^https?$/, 'an http(s) URL').optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? "expected `type` to be 'webhook', 'email' or 'pagerduty'" : undefined,
  },
);

const duration = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d)$/)], {
  error: 'expected a duration such as 1h, 30m or 3600 (seconds)',
});

/** `alerts:` — budget and anomaly rules, as `@switchyard/spend`'s `spendRulesFromConfig` reads them. */
export const alertsConfigSchema = z.record(
  z.string(),
  z.discriminatedUnion(
    'type',
    [
      strictObject({
        type: z.literal('budget'),
        /** USD. */
        threshold: positiveNumber(),
        period: z.enum(['daily', 'weekly', 'monthly']).optional(),
        /** `soft` alerts; `hard` also rejects requests (429) once reached. */
        mode: z.enum(['soft', 'hard']).optional(),
        scope: stringMap().optional(),
        per: text().optional(),
        channels: z.array(channelSchema).optional(),
      }),
      strictObject({
        type: z.literal('anomaly'),
        baseline_multiplier: positiveNumber(),
        window: duration.optional(),
        baseline_windows: positiveInteger().optional(),
        min_spend: z.number().nonnegative().optional(),
        scope: stringMap().optional(),
        channels: z.array(channelSchema).optional(),
      }),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union' ? "expected `type` to be 'budget' or 'anomaly'" : undefined,
    },
  ),
);

/** `spend:` — spend tracking (on by default in server mode), price overrides and the SMTP server for email alerts. */
export const spendConfigSchema = strictObject({
  enabled: yamlBoolean().optional(),
  /** USD per token, merged over the generated price table, keyed by model or `provider/model`. */
  prices: z
    .record(
      z.string(),
      strictObject({
        input: z.number().nonnegative().optional(),
        output: z.number().nonnegative().optional(),
        cache_read: z.number().nonnegative().optional(),
        cache_write: z.number().nonnegative().optional(),
        reasoning: z.number().nonnegative().optional(),
      }),
    )
    .optional(),
  /** `smtp(s)://user:pass@host:port` for email alert channels. Default `smtp://localhost:25`. */
  smtp: url(/^smtps?$/, 'an smtp:// or smtps:// URL').optional(),
  email_from: z.email().optional(),
  /** Default: `postgres` when `storage.database_url` is set, else `memory`. */
  store: z.enum(['memory', 'postgres']).optional(),
});

/** `observability:` — tracing and metrics as in the reference configuration, plus the request log. */
export const observabilityConfigSchema = strictObject({
  tracing: strictObject({
    enabled: yamlBoolean().optional(),
    exporter: z.enum(['otlp', 'console', 'none']).optional(),
    endpoint: url(/^(https?|grpc)$/, 'an http(s) URL').optional(),
    service_name: text().optional(),
  }).optional(),
  metrics: strictObject({
    enabled: yamlBoolean().optional(),
    exporter: z.literal('prometheus').optional(),
    /** Serve `/metrics` on this port instead of the API port (keeps it off the public listener). */
    port: z.number().int().min(1).max(65_535).optional(),
    /** Prefix of the gateway metrics. Default `switchyard_` (`portkey_` fits the reference article's dashboard). */
    prefix: z
      .string()
      .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'expected a Prometheus metric name prefix')
      .optional(),
  }).optional(),
  logs: strictObject({
    enabled: yamlBoolean().optional(),
    store: z.enum(['memory', 'postgres']).optional(),
    max_records: positiveInteger().optional(),
  }).optional(),
});

export const storageConfigSchema = strictObject({
  /** Shared cache entries, rate-limit, budget and circuit counters. */
  redis_url: url(/^rediss?$/, 'a redis:// or rediss:// URL').optional(),
  /** Spend ledger (and request logs, prompt versions when those packages are applied). */
  database_url: url(/^postgres(ql)?$/, 'a postgres:// URL').optional(),
});

export const gatewaySettingsSchema = strictObject({
  /** The route for a bare model name. */
  default_route: text().optional(),
  /** For a whole request, streaming included: seconds or a duration (`10m`). Default 600 s. */
  timeout: seconds().optional(),
  max_retries: nonNegativeInteger().optional(),
  metadata: stringMap().optional(),
  circuit_breaker: strictObject({
    failure_threshold: positiveInteger().optional(),
    /** Seconds or a duration. Default 30 s. */
    cooldown: seconds().optional(),
  }).optional(),
});
