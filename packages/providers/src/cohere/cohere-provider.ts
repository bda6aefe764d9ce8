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
import { CohereClientV2 } from 'cohere-ai';
import { isRecord, readString } from '../shared/json-readers.js';
import { readEnv } from '../shared/read-env.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import type { CohereAdapter, CohereProviderOptions } from './cohere-options.js';
import { convertCohereChatResponse } from './convert-cohere-chat-response.js';
import { convertCohereEmbedResponse } from './convert-cohere-embed-response.js';
import { convertCohereModels } from './convert-cohere-models.js';
import { convertToCohereEmbedRequest } from './convert-to-cohere-embed-request.js';
import { convertToCohereRequest } from './convert-to-cohere-request.js';
import { createCoherePartStream } from './create-cohere-part-stream.js';
import { mapCohereError } from './map-cohere-error.js';

const PROVIDER = 'cohere';
const DEFAULT_BASE_URL = 'https://api.cohere.com';
// The SDK always arms its own timeout (default 300 s) until response headers arrive. The gateway's
// signal is the real deadline (600 s by default), so the SDK's only backs it up.
const SDK_TIMEOUT_SECONDS = 3600;

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

/** The SDK appends `/v2/chat`, `/v1/models`; accept a base URL that already ends in a version. */
const toBaseUrl = (baseURL: string): string => baseURL.replace(/\/+$/, '').replace(/\/v[12]$/, '');

/**
 * The Cohere adapter, on the official `cohere-ai` SDK's v2 client (chat and embed). The gateway owns
 * retries and timeouts: the SDK's retries are off and every call carries the gateway's signal.
 */
export function cohere(options: CohereProviderOptions = {}): CohereAdapter {
  const apiKey = options.apiKey ?? readEnv('CO_API_KEY') ?? readEnv('COHERE_API_KEY');
  const baseUrl = toBaseUrl(options.baseURL ?? DEFAULT_BASE_URL);
  const inputType = options.embeddingInputType ?? 'search_document';
  const createClient = (fetch: FetchFunction): CohereClientV2 =>
    new CohereClientV2({
      // Always a token: without one the SDK reads `process.env.CO_API_KEY` itself, which edge runtimes
      // lack. Keyless calls drop the header per request instead (see `requestOptions`).
      token: apiKey ?? 'switchyard-keyless',
      baseUrl,
      fetch: redactSecretsFetch(fetch, [apiKey]),
      maxRetries: 0,
      timeoutInSeconds: SDK_TIMEOUT_SECONDS,
    });
  const defaultClient = createClient(options.fetch ?? globalFetch);
  // The gateway's `fetch` option reaches adapters per call; one SDK client per distinct fetch function.
  const gatewayFetchClients = new WeakMap<FetchFunction, CohereClientV2>();
  const clientFor = (call: { fetch?: FetchFunction }): CohereClientV2 => {
    if (options.fetch !== undefined || call.fetch === undefined) return defaultClient;
    let client = gatewayFetchClients.get(call.fetch);
    if (client === undefined) {
      client = createClient(call.fetch);
      gatewayFetchClients.set(call.fetch, client);
    }
    return client;
  };
  const requestOptions = (signal?: AbortSignal, headers: Record<string, string> = {}) => ({
    ...(signal === undefined ? {} : { abortSignal: signal }),
    maxRetries: 0,
    headers: { ...options.headers, ...headers, ...(apiKey === undefined ? { authorization: null } : {}) },
  });
  const throwIfAborted = (signal: AbortSignal): void => {
    if (signal.aborted) throw new AbortError('Request was aborted.', { cause: signal.reason });
  };
  const mapError = (error: unknown, signal?: AbortSignal) =>
    mapCohereError(error, {
      provider: PROVIDER,
      timeoutMs: SDK_TIMEOUT_SECONDS * 1000,
      ...(signal === undefined ? {} : { signal }),
    });

  async function doGenerate(call: ProviderCall): Promise<GenerateResult> {
    throwIfAborted(call.signal);
    const { body, warnings } = convertToCohereRequest({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    let response: unknown;
    try {
      response = await clientFor(call).chat(body, requestOptions(call.signal, call.headers));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const result = convertCohereChatResponse(response, PROVIDER);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async function doStream(call: ProviderCall): Promise<StreamResult> {
    throwIfAborted(call.signal);
    const { body, warnings } = convertToCohereRequest({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    // Cancelling the part stream must abort the HTTP request, whether or not the caller's signal fires.
    const cancel = new AbortController();
    const signal = AbortSignal.any([call.signal, cancel.signal]);
    let events: AsyncIterable<unknown>;
    try {
      events = await clientFor(call).chatStream(body, requestOptions(signal, call.headers));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const stream = createCoherePartStream({
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
    const { body, warnings } = convertToCohereEmbedRequest(call, inputType, PROVIDER);
    let response: unknown;
    try {
      response = await clientFor(call).embed(body, requestOptions(call.signal, call.headers));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    return { ...convertCohereEmbedResponse(response, PROVIDER), model: call.modelId, warnings };
  }

  async function listModels(): Promise<Array<ModelInfo>> {
    const models: Array<ModelInfo> = [];
    let pageToken: string | undefined;
    try {
      do {
        const page: unknown = await defaultClient.models.list(
          { pageSize: 1000, ...(pageToken === undefined ? {} : { pageToken }) },
          requestOptions(),
        );
        models.push(...convertCohereModels(page));
        pageToken = isRecord(page) ? readString(page, 'nextPageToken') || undefined : undefined;
      } while (pageToken !== undefined);
    } catch (error) {
      throw mapError(error);
    }
    return models;
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
