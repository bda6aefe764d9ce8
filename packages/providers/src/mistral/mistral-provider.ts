import { HTTPClient, Mistral } from '@mistralai/mistralai';
import {
  AbortError,
  type EmbedCall,
  type EmbedResult,
  type FetchFunction,
  type GenerateResult,
  type ModelInfo,
  type ProviderCall,
  type ProviderCapabilities,
  type StreamResult,
} from '@switchyard/core';
import { readEnv } from '../shared/read-env.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import { convertMistralChatResponse } from './convert-mistral-chat-response.js';
import { convertMistralEmbeddingResponse } from './convert-mistral-embedding-response.js';
import { convertMistralModels } from './convert-mistral-models.js';
import { convertToMistralEmbeddingRequest } from './convert-to-mistral-embedding-request.js';
import { convertToMistralRequest } from './convert-to-mistral-request.js';
import { createMistralFetcher } from './create-mistral-fetcher.js';
import { createMistralPartStream } from './create-mistral-part-stream.js';
import { mapMistralError } from './map-mistral-error.js';
import type { MistralAdapter, MistralProviderOptions } from './mistral-options.js';

const PROVIDER = 'mistral';
const DEFAULT_SERVER_URL = 'https://api.mistral.ai';

const capabilities: ProviderCapabilities = Object.freeze({
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

/** The SDK appends `/v1/...` itself; accept the OpenAI-style base URL that already ends in `/v1`. */
const toServerURL = (baseURL: string): string => baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');

/**
 * The Mistral adapter, on the official `@mistralai/mistralai` SDK. The gateway owns retries and
 * timeouts: the SDK's retries are off and every call carries the gateway's signal.
 */
export function mistral(options: MistralProviderOptions = {}): MistralAdapter {
  const apiKey = options.apiKey ?? readEnv('MISTRAL_API_KEY');
  const serverURL = toServerURL(options.baseURL ?? DEFAULT_SERVER_URL);
  const createClient = (fetch: FetchFunction): Mistral =>
    new Mistral({
      ...(apiKey === undefined ? {} : { apiKey }),
      serverURL,
      httpClient: new HTTPClient({ fetcher: createMistralFetcher(redactSecretsFetch(fetch, [apiKey])) }),
      retryConfig: { strategy: 'none' },
    });
  const defaultClient = createClient(options.fetch ?? globalFetch);
  // The gateway's `fetch` option reaches adapters per call; one SDK client per distinct fetch function.
  const gatewayFetchClients = new WeakMap<FetchFunction, Mistral>();
  const clientFor = (call: { fetch?: FetchFunction }): Mistral => {
    if (options.fetch !== undefined || call.fetch === undefined) return defaultClient;
    let client = gatewayFetchClients.get(call.fetch);
    if (client === undefined) {
      client = createClient(call.fetch);
      gatewayFetchClients.set(call.fetch, client);
    }
    return client;
  };
  const requestOptions = (call?: { signal: AbortSignal; headers: Record<string, string> }) => ({
    ...(call === undefined ? {} : { signal: call.signal }),
    headers: { ...options.headers, ...call?.headers },
    retries: { strategy: 'none' as const },
  });
  // An already aborted call never reaches the SDK (which would still build and send the request).
  const throwIfAborted = (signal: AbortSignal): void => {
    if (signal.aborted) throw new AbortError('Request was aborted.', { cause: signal.reason });
  };
  const mapError = (error: unknown, signal?: AbortSignal) =>
    mapMistralError(error, { provider: PROVIDER, ...(signal === undefined ? {} : { signal }) });

  async function doGenerate(call: ProviderCall): Promise<GenerateResult> {
    throwIfAborted(call.signal);
    const { body, warnings } = convertToMistralRequest({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    let response: Awaited<ReturnType<Mistral['chat']['complete']>>;
    try {
      response = await clientFor(call).chat.complete(body, requestOptions(call));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const result = convertMistralChatResponse(response, PROVIDER);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async function doStream(call: ProviderCall): Promise<StreamResult> {
    throwIfAborted(call.signal);
    const { body, warnings } = convertToMistralRequest({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    // Cancelling the part stream must abort the HTTP request, whether or not the caller's signal fires.
    const cancel = new AbortController();
    const signal = AbortSignal.any([call.signal, cancel.signal]);
    let events: Awaited<ReturnType<Mistral['chat']['stream']>>;
    try {
      events = await clientFor(call).chat.stream(body, requestOptions({ signal, headers: call.headers }));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const stream = createMistralPartStream({
      events,
      abort: () => cancel.abort(),
      provider: PROVIDER,
      signal: call.signal,
      mapError: (error) => mapError(error, call.signal),
    });
    return { stream, warnings };
  }

  async function doEmbed(call: EmbedCall): Promise<EmbedResult> {
    throwIfAborted(call.signal);
    const { body, warnings } = convertToMistralEmbeddingRequest(call, PROVIDER);
    try {
      const response = await clientFor(call).embeddings.create(body, requestOptions(call));
      return { ...convertMistralEmbeddingResponse(response), warnings };
    } catch (error) {
      throw mapError(error, call.signal);
    }
  }

  async function listModels(): Promise<Array<ModelInfo>> {
    try {
      return convertMistralModels(await defaultClient.models.list(undefined, requestOptions()));
    } catch (error) {
      throw mapError(error);
    }
  }

  return {
    specificationVersion: 'v1',
    provider: PROVIDER,
    capabilities,
    doGenerate,
    doStream,
    doEmbed,
    listModels,
  };
}
