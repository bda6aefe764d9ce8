// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about `${VAR}` references written in YAML.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../index.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../__fixtures__/article/${name}`, import.meta.url));

/** What the article's `export` lines and deployment would provide. */
const env = {
  OPENAI_API_KEY: 'sk-openai',
  OPENAI_ORG_ID: 'org-123',
  OPENAI_BACKUP_API_KEY: 'sk-backup',
  ANTHROPIC_API_KEY: 'sk-ant',
  AZURE_API_KEY: 'azure-key',
  AZURE_RESOURCE_NAME: 'contoso',
  GOOGLE_API_KEY: 'google-key',
  MISTRAL_API_KEY: 'mistral-key',
};

describe("the reference article's YAML examples load unchanged", () => {
  it('providers.yaml: types, ${VAR} keys, Azure resource/deployment/version, a base_url', async () => {
    const config = await loadConfig(fixture('providers.yaml'), { env });
    expect(config.providers).toEqual({
      'openai-primary': { type: 'openai', api_key: 'sk-openai', organization: 'org-123' },
      'anthropic-primary': { type: 'anthropic', api_key: 'sk-ant' },
      'azure-gpt4': {
        type: 'azure-openai',
        api_key: 'azure-key',
        resource_name: 'contoso',
        deployment_id: 'gpt-4',
        api_version: '2025-12-01',
      },
      'google-gemini': { type: 'google', api_key: 'google-key' },
      'mistral-local': {
        type: 'mistral',
        api_key: 'mistral-key',
        base_url: 'http://mistral-service:8000/v1',
      },
    });
  });

  it('fallback.yaml and conditional.yaml, with the providers: seconds become milliseconds, `retry: 2` attempts', async () => {
    const config = await loadConfig(
      [fixture('providers.yaml'), fixture('fallback.yaml'), fixture('conditional.yaml')],
      { env },
    );
    expect(config.strategies?.['production-fallback']).toEqual({
      type: 'fallback',
      targets: [
        { provider: 'azure-gpt4', timeout: 10_000, retry: { attempts: 2 } },
        { provider: 'openai-primary', timeout: 15_000, retry: { attempts: 1 } },
        { provider: 'anthropic-primary', model: 'claude-sonnet-4', timeout: 15_000 },
        { provider: 'google-gemini', model: 'gemini-2.5-pro', timeout: 20_000 },
      ],
    });
    expect(config.strategies?.['smart-router']).toMatchObject({
      type: 'conditional',
      rules: [
        { condition: 'request.messages[0].content.length > 4000', target: { provider: 'anthropic-primary' } },
        {
          condition: "request.user == 'code-assistant'",
          target: { provider: 'openai-primary', model: 'gpt-4o' },
        },
        { condition: 'default', target: { provider: 'azure-gpt4', model: 'gpt-4o-mini' } },
      ],
    });
  });

  it('load-balance.yaml names `openai-backup`, which the article never defines: the error says where', async () => {
    const error = await loadConfig([fixture('providers.yaml'), fixture('load-balance.yaml')], { env }).catch(
      (e: unknown) => e,
    );
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(String(error)).toContain(
      "load-balance.yaml:10:19 strategies.gpt4-pool.providers[2].provider: unknown provider 'openai-backup' (defined: openai-primary, anthropic-primary, azure-gpt4, google-gemini, mistral-local)",
    );
  });

  it('the whole directory (with openai-backup defined) loads, and says which defaults stand in', async () => {
    const config = await loadConfig(fixture(''), { env });
    expect(Object.keys(config.strategies ?? {}).sort()).toEqual([
      'gpt4-pool',
      'production-fallback',
      'smart-router',
    ]);
    expect(config.cache).toEqual({
      enabled: true,
      mode: 'semantic',
      ttl: 3600,
      max_size: 10_000,
      similarity_threshold: 0.95,
    });
    expect(config.alerts?.['daily-budget']).toMatchObject({
      type: 'budget',
      threshold: 500,
      period: 'daily',
    });
    expect(config.alerts?.['abnormal-spike']).toMatchObject({
      type: 'anomaly',
      baseline_multiplier: 3,
      window: '1h',
    });
    expect(Object.keys(config.guardrails?.sets ?? {})).toEqual(['input-validation', 'output-validation']);
    expect(config.guardrails?.sets['input-validation']).toEqual([
      {
        type: 'keyword_filter',
        blocklist: ['password', 'ssn', 'credit_card', 'secret_key'],
        action: 'block',
      },
      { type: 'pii_detector', entities: ['email', 'phone', 'ssn'], action: 'mask' },
      { type: 'toxicity_check', threshold: 0.8, action: 'block' },
    ]);
    expect(config.observability?.metrics).toEqual({ enabled: true, exporter: 'prometheus', port: 9090 });
    expect(config.warnings).toEqual([
      expect.stringMatching(
        /^guardrails: toxicity_check\/content_policy use OpenAI's moderation endpoint with provider 'openai-backup'/,
      ),
      expect.stringMatching(
        /^observability\.tracing\.endpoint: port 4317 is usually OTLP\/gRPC; .* to http:\/\/jaeger-collector:4317\/v1\/traces/,
      ),
      expect.stringMatching(/^cache\.mode: 'semantic' needs cache\.embedding_model/),
      expect.stringMatching(/^alerts: email channels send through smtp:\/\/localhost:25/),
    ]);
  });

  it('every missing secret is named', async () => {
    const error = await loadConfig(fixture('providers.yaml'), {
      env: { ...env, AZURE_API_KEY: undefined, GOOGLE_API_KEY: undefined },
    }).catch((e: unknown) => e);
    expect(
      ConfigError.isInstance(error) &&
        error.issues.map((issue) => `${issue.path}: ${issue.message.split(' (')[0]}`),
    ).toEqual([
      'providers.azure-gpt4.api_key: environment variable AZURE_API_KEY is not set',
      'providers.google-gemini.api_key: environment variable GOOGLE_API_KEY is not set',
    ]);
  });

  it('a missing file is a ConfigError naming it', async () => {
    await expect(loadConfig(fixture('nope.yaml'), { env })).rejects.toThrow(/nope\.yaml.*file not found/);
  });
});
