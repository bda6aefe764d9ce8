import { z } from 'zod';
import { guardrailsConfigSchema } from './guardrails-config-schema.js';
import { promptsConfigSchema } from './prompts-config-schema.js';
import { providerConfigSchema } from './provider-config-schema.js';
import {
  alertsConfigSchema,
  cacheConfigSchema,
  gatewaySettingsSchema,
  observabilityConfigSchema,
  spendConfigSchema,
  storageConfigSchema,
} from './section-config-schemas.js';
import { serverConfigSchema } from './server-config-schema.js';
import { strategyConfigSchema } from './strategy-config-schema.js';
import { strictObject } from './yaml-values.js';

/** The whole configuration document; every section is optional, unknown sections are errors. */
export const configSchema = strictObject({
  server: serverConfigSchema.optional(),
  storage: storageConfigSchema.optional(),
  gateway: gatewaySettingsSchema.optional(),
  providers: z.record(z.string(), providerConfigSchema).optional(),
  strategies: z.record(z.string(), strategyConfigSchema).optional(),
  cache: cacheConfigSchema.optional(),
  spend: spendConfigSchema.optional(),
  alerts: alertsConfigSchema.optional(),
  guardrails: guardrailsConfigSchema.optional(),
  prompts: promptsConfigSchema.optional(),
  observability: observabilityConfigSchema.optional(),
});

export type ConfigDocument = z.output<typeof configSchema>;

export const SECTION_NAMES = Object.keys(configSchema.shape);
