import type {
  EmbedCall,
  EmbedResult,
  GenerateResult,
  ProviderCall,
  ProviderCapabilities,
  StreamResult,
} from '@switchyard/core';
import { convertOpenAIChatCompletion } from '../openai-compatible/convert-openai-chat-completion.js';
import { convertOpenAIEmbeddingResponse } from '../openai-compatible/convert-openai-embedding-response.js';
import { convertToOpenAIRequest } from '../openai-compatible/convert-to-openai-request.js';
import { createOpenAIPartStream } from '../openai-compatible/create-openai-part-stream.js';
import type { FetchFunction } from '../openai-compatible/openai-compatible-options.js';
import type { AzureAdapter, AzureProviderOptions } from './azure-options.js';
import { AZURE_PROVIDER, type AzureClient, createAzureClient } from './create-azure-client.js';
import { resolveAzureSettings } from './resolve-azure-settings.js';
import { skipAzurePromptFilterChunks } from './skip-azure-prompt-filter-chunks.js';

// Azure OpenAI serves OpenAI's models with OpenAI's Chat Completions API: everything OpenAI
// supports, per deployment. Azure's /models lists base models, not deployments, so there is no
// `listModels`: its ids would not be valid model ids for this adapter.
const capabilities: Readonly<ProviderCapabilities> = Object.freeze({
  streaming: true,
  tools: true,
  parallelToolCalls: true,
  jsonSchema: true,
  reasoning: true,
  images: true,
  embeddings: true,
});

// Looked up per call, so a `fetch` installed after the adapter was created (test stubs, polyfills) is used.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/**
 * The Azure OpenAI adapter, on the official `openai` package's `AzureOpenAI` client (SDK retries
 * off). Requests and responses are OpenAI's, so the OpenAI-compatible mappers do the work; Azure's
 * content-filter annotations are skipped and its error bodies kept as sent.
 */
export function azure(options: AzureProviderOptions = {}): AzureAdapter {
  const settings = resolveAzureSettings(options);
  const createClient = (fetch: FetchFunction): AzureClient =>
    createAzureClient({ settings, deploymentId: options.deploymentId, headers: options.headers, fetch });
  const defaultClient = createClient(options.fetch ?? globalFetch);
  // The gateway's `fetch` option reaches adapters per call; one SDK client per distinct fetch function.
  const gatewayFetchClients = new WeakMap<FetchFunction, AzureClient>();
  const clientFor = (call: { fetch?: FetchFunction }): AzureClient => {
    if (options.fetch !== undefined || call.fetch === undefined) return defaultClient;
    let sdk = gatewayFetchClients.get(call.fetch);
    if (sdk === undefined) {
      sdk = createClient(call.fetch);
      gatewayFetchClients.set(call.fetch, sdk);
    }
    return sdk;
  };
  const requestOptions = (call: { signal: AbortSignal; headers: Record<string, string> }) => ({
    signal: call.signal,
    headers: call.headers,
  });
  // Azure, like OpenAI, rejects message fields it does not define, reasoning_content among them.
  const convert = { provider: AZURE_PROVIDER, unsupported: [], sendReasoningContent: false };

  async function doGenerate(call: ProviderCall): Promise<GenerateResult> {
    const { body, warnings } = convertToOpenAIRequest({
      ...convert,
      modelId: call.modelId,
      request: call.request,
      stream: false,
    });
    const { client, mapError } = clientFor(call);
    let completion: unknown;
    try {
      completion = await client.chat.completions.create(body, requestOptions(call));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const result = convertOpenAIChatCompletion(completion, AZURE_PROVIDER);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async function doStream(call: ProviderCall): Promise<StreamResult> {
    const { body, warnings } = convertToOpenAIRequest({
      ...convert,
      modelId: call.modelId,
      request: call.request,
      stream: true,
    });
    const { client, mapError } = clientFor(call);
    // Resolves once the response headers arrive, so HTTP errors (a filtered prompt) reject here.
    const chunks = await client.chat.completions
      .create(body, requestOptions(call))
      .catch((error: unknown) => {
        throw mapError(error, call.signal);
      });
    const stream = createOpenAIPartStream({
      chunks: skipAzurePromptFilterChunks(chunks),
      abort: () => chunks.controller.abort(),
      provider: AZURE_PROVIDER,
      signal: call.signal,
      mapError: (error) => mapError(error, call.signal),
    });
    return { stream, warnings };
  }

  async function doEmbed(call: EmbedCall): Promise<EmbedResult> {
    // Vectors come back as numbers whatever was asked; the SDK picks (and decodes) the wire encoding.
    const { encoding_format: _encoding, ...request } = call.request;
    const { client, mapError } = clientFor(call);
    let response: unknown;
    try {
      response = await client.embeddings.create({ ...request, model: call.modelId }, requestOptions(call));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    return { ...convertOpenAIEmbeddingResponse(response, AZURE_PROVIDER), warnings: [] };
  }

  return {
    specificationVersion: 'v1',
    provider: AZURE_PROVIDER,
    capabilities,
    doGenerate,
    doStream,
    doEmbed,
  };
}
