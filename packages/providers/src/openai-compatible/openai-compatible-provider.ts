import type {
  EmbedCall,
  EmbedResult,
  GenerateResult,
  ModelInfo,
  ProviderCall,
  StreamResult,
  SwitchyardError,
} from '@switchyard/core';
import OpenAI from 'openai';
import { captureErrorBodies } from '../shared/capture-error-bodies.js';
import { isRecord, readNumber, readString } from '../shared/json-readers.js';
import { convertOpenAIChatCompletion } from './convert-openai-chat-completion.js';
import { convertOpenAIEmbeddingResponse } from './convert-openai-embedding-response.js';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import { createOpenAIPartStream } from './create-openai-part-stream.js';
import { mapOpenAIError } from './map-openai-error.js';
import type {
  FetchFunction,
  OpenAICompatibleAdapter,
  OpenAICompatibleCapabilities,
  OpenAICompatibleOptions,
} from './openai-compatible-options.js';

const defaultCapabilities: OpenAICompatibleCapabilities = {
  tools: true,
  parallelToolCalls: true,
  streaming: true,
  jsonSchema: true,
  reasoning: true,
  embeddings: true,
  images: true,
};

// The SDK refuses to start without a credential; keyless servers get this placeholder and the
// Authorization header is removed (a null header value), so it never leaves the process.
const KEYLESS_PLACEHOLDER = 'switchyard-keyless';

// Looked up per call, so a `fetch` installed after the adapter was created (test stubs, polyfills) is used.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

interface SdkClient {
  readonly client: OpenAI;
  readonly mapError: (error: unknown, signal?: AbortSignal) => SwitchyardError;
}

const toModelInfo = (model: unknown): ModelInfo | undefined => {
  if (!isRecord(model)) return undefined;
  const id = readString(model, 'id');
  if (id === undefined) return undefined;
  const ownedBy = readString(model, 'owned_by');
  const created = readNumber(model, 'created');
  return {
    id,
    ...(ownedBy === undefined ? {} : { ownedBy }),
    ...(created === undefined ? {} : { created }),
  };
};

/**
 * A provider adapter for any server that speaks OpenAI's Chat Completions API, built on the official
 * `openai` SDK. The gateway owns retries and timeouts, so the SDK's are off (`maxRetries: 0`).
 */
export function openaiCompatible(options: OpenAICompatibleOptions): OpenAICompatibleAdapter {
  const provider = options.name;
  const unsupported = options.unsupported ?? [];
  const sendReasoningContent = options.sendReasoningContent ?? true;
  const capabilities = Object.freeze({ ...defaultCapabilities, ...options.capabilities });
  const createClient = (fetch: FetchFunction): SdkClient => {
    const errorBodies = captureErrorBodies(fetch);
    const client = new OpenAI({
      apiKey: options.apiKey ?? KEYLESS_PLACEHOLDER,
      // Explicit nulls stop the SDK from reading OPENAI_ORG_ID / OPENAI_PROJECT_ID (meant for OpenAI) from the environment.
      organization: null,
      project: null,
      baseURL: options.baseURL,
      fetch: errorBodies.fetch,
      maxRetries: 0,
      defaultHeaders: {
        ...options.headers,
        ...(options.apiKey === undefined ? { authorization: null } : {}),
      },
      defaultQuery: options.queryParams,
      // Every failure reaches the caller as a typed error; the SDK's console logging would only repeat it.
      logLevel: 'off',
    });
    const mapError = (error: unknown, signal?: AbortSignal) =>
      mapOpenAIError(error, {
        provider,
        timeoutMs: client.timeout,
        errorBodyFor: errorBodies.bodyFor,
        ...(signal === undefined ? {} : { signal }),
      });
    return { client, mapError };
  };
  const defaultClient = createClient(options.fetch ?? globalFetch);
  // The gateway's `fetch` option reaches adapters per call; one SDK client per distinct fetch function.
  const gatewayFetchClients = new WeakMap<FetchFunction, SdkClient>();
  const clientFor = (call: { fetch?: FetchFunction }): SdkClient => {
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
  const convert = { provider, unsupported, sendReasoningContent };

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
    const result = convertOpenAIChatCompletion(completion, provider);
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
    // Resolves once the response headers arrive, so HTTP errors reject here, before any part.
    const chunks = await client.chat.completions
      .create(body, requestOptions(call))
      .catch((error: unknown) => {
        throw mapError(error, call.signal);
      });
    const stream = createOpenAIPartStream({
      chunks,
      abort: () => chunks.controller.abort(),
      provider,
      signal: call.signal,
      mapError: (error) => mapError(error, call.signal),
    });
    return { stream, warnings };
  }

  async function doEmbed(call: EmbedCall): Promise<EmbedResult> {
    // Vectors are returned as numbers whatever the caller asked for; the SDK picks the wire encoding
    // (base64, decoded for us), and the gateway encodes its own response.
    const { encoding_format: _encoding, ...request } = call.request;
    const { client, mapError } = clientFor(call);
    let response: unknown;
    try {
      response = await client.embeddings.create({ ...request, model: call.modelId }, requestOptions(call));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    return { ...convertOpenAIEmbeddingResponse(response, provider), warnings: [] };
  }

  async function listModels(): Promise<Array<ModelInfo>> {
    const models: Array<ModelInfo> = [];
    const { client, mapError } = defaultClient;
    try {
      for await (const model of client.models.list()) {
        const info = toModelInfo(model);
        if (info !== undefined) models.push(info);
      }
    } catch (error) {
      throw mapError(error);
    }
    return models;
  }

  return {
    specificationVersion: 'v1',
    provider,
    capabilities,
    doGenerate,
    doStream,
    ...(capabilities.embeddings ? { doEmbed } : {}),
    listModels,
  };
}
