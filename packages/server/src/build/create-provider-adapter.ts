import type { ProviderAdapter } from '@switchyard/core';
import type { PresetProviderType, ProviderConfig } from '../config/schema/provider-config-schema.js';

interface CommonProviderFields {
  api_key?: string | undefined;
  base_url?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/** `{ apiKey?, baseURL?, headers? }`, which every adapter factory takes. */
const common = (config: CommonProviderFields) => ({
  ...(config.api_key === undefined ? {} : { apiKey: config.api_key }),
  ...(config.base_url === undefined ? {} : { baseURL: config.base_url }),
  ...(config.headers === undefined ? {} : { headers: config.headers }),
});

/**
 * Creates the adapter a `providers:` entry describes. Each family is imported only when configured, so
 * a deployment needs only the vendor SDKs it uses (they are optional peers of `@switchyard/providers`).
 */
export async function createProviderAdapter(name: string, config: ProviderConfig): Promise<ProviderAdapter> {
  switch (config.type) {
    case 'openai': {
      const { openai } = await import('@switchyard/providers/openai');
      return openai({
        ...common(config),
        ...(config.organization === undefined ? {} : { organization: config.organization }),
        ...(config.project === undefined ? {} : { project: config.project }),
      });
    }
    case 'azure':
    case 'azure-openai': {
      const { azure } = await import('@switchyard/providers/azure');
      return azure({
        ...common(config),
        ...(config.resource_name === undefined ? {} : { resourceName: config.resource_name }),
        ...(config.deployment_id === undefined ? {} : { deploymentId: config.deployment_id }),
        ...(config.api_version === undefined ? {} : { apiVersion: config.api_version }),
      });
    }
    case 'anthropic': {
      const { anthropic } = await import('@switchyard/providers/anthropic');
      return anthropic({
        ...common(config),
        ...(config.default_max_tokens === undefined ? {} : { defaultMaxTokens: config.default_max_tokens }),
        ...(config.reasoning_mode === undefined ? {} : { reasoningMode: config.reasoning_mode }),
      });
    }
    case 'google': {
      const { google } = await import('@switchyard/providers/google');
      const { vertex } = config;
      return google({
        ...common(config),
        ...(config.api_version === undefined ? {} : { apiVersion: config.api_version }),
        ...(vertex === undefined
          ? {}
          : {
              vertex: {
                ...(vertex.project === undefined ? {} : { project: vertex.project }),
                ...(vertex.location === undefined ? {} : { location: vertex.location }),
              },
            }),
      });
    }
    case 'mistral': {
      const { mistral } = await import('@switchyard/providers/mistral');
      return mistral(common(config));
    }
    case 'cohere': {
      const { cohere } = await import('@switchyard/providers/cohere');
      return cohere({
        ...common(config),
        ...(config.embedding_input_type === undefined
          ? {}
          : { embeddingInputType: config.embedding_input_type }),
      });
    }
    case 'bedrock': {
      const { bedrock } = await import('@switchyard/providers/bedrock');
      return bedrock({
        ...common(config),
        ...(config.region === undefined ? {} : { region: config.region }),
      });
    }
    case 'openrouter': {
      const { openrouter } = await import('@switchyard/providers/openrouter');
      return openrouter({
        ...common(config),
        ...(config.site_url === undefined ? {} : { siteURL: config.site_url }),
        ...(config.site_name === undefined ? {} : { siteName: config.site_name }),
      });
    }
    case 'openai-compatible': {
      const { openaiCompatible } = await import('@switchyard/providers/openai-compatible');
      return openaiCompatible({
        ...common(config),
        name: config.name ?? name,
        baseURL: config.base_url,
        ...(config.query_params === undefined ? {} : { queryParams: config.query_params }),
      });
    }
    case 'mock': {
      const { mockProvider } = await import('@switchyard/core/testing');
      return mockProvider({
        ...(config.reply === undefined ? {} : { reply: config.reply }),
        ...(config.chunk_delay_ms === undefined ? {} : { chunkDelayMs: config.chunk_delay_ms }),
        ...(config.models_list === undefined ? {} : { modelsList: config.models_list }),
        ...(config.provider === undefined ? {} : { provider: config.provider }),
        ...(config.embedding_dimensions === undefined
          ? {}
          : { embeddingDimensions: config.embedding_dimensions }),
      });
    }
    default:
      return createPresetAdapter(config);
  }
}

type PresetConfig = Extract<ProviderConfig, { type: PresetProviderType }>;

async function createPresetAdapter(config: PresetConfig): Promise<ProviderAdapter> {
  const options = common(config);
  switch (config.type) {
    case 'groq':
      return (await import('@switchyard/providers/groq')).groq(options);
    case 'together':
      return (await import('@switchyard/providers/together')).together(options);
    case 'fireworks':
      return (await import('@switchyard/providers/fireworks')).fireworks(options);
    case 'deepseek':
      return (await import('@switchyard/providers/deepseek')).deepseek(options);
    case 'xai':
      return (await import('@switchyard/providers/xai')).xai(options);
    case 'perplexity':
      return (await import('@switchyard/providers/perplexity')).perplexity(options);
    case 'cerebras':
      return (await import('@switchyard/providers/cerebras')).cerebras(options);
    case 'deepinfra':
      return (await import('@switchyard/providers/deepinfra')).deepinfra(options);
    case 'nvidia':
      return (await import('@switchyard/providers/nvidia')).nvidia(options);
    case 'ollama':
      return (await import('@switchyard/providers/ollama')).ollama(options);
    case 'vllm':
      return (await import('@switchyard/providers/vllm')).vllm(options);
    case 'lmstudio':
      return (await import('@switchyard/providers/lmstudio')).lmstudio(options);
    default: {
      const unreachable: never = config.type;
      throw new Error(`Unknown provider type '${String(unreachable)}'.`);
    }
  }
}
