import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
  ConverseCommand,
  type ConverseCommandOutput,
  ConverseStreamCommand,
  InvokeModelCommand,
} from '@aws-sdk/client-bedrock-runtime';
import {
  APIConnectionError,
  type EmbedCall,
  type EmbedResult,
  type GenerateResult,
  InvalidConfigError,
  type ProviderCall,
  type ProviderCapabilities,
  type StreamResult,
} from '@switchyard/core';
import { readEnv } from '../shared/read-env.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import type { BedrockAdapter, BedrockProviderOptions, FetchFunction } from './bedrock-options.js';
import { convertBedrockResponse } from './convert-bedrock-response.js';
import { convertTitanEmbeddingResponse } from './convert-titan-embedding-response.js';
import { convertToBedrockRequest } from './convert-to-bedrock-request.js';
import { convertToTitanEmbeddingBodies } from './convert-to-titan-embedding-bodies.js';
import { createBedrockPartStream } from './create-bedrock-part-stream.js';
import { createFetchHttpHandler } from './create-fetch-http-handler.js';
import { mapBedrockError } from './map-bedrock-error.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { REQUEST_HEADERS_STEP, requestHeadersMiddleware } from './request-headers-middleware.js';

const PROVIDER = 'bedrock';

const capabilities: ProviderCapabilities = Object.freeze({
  streaming: true,
  tools: true,
  parallelToolCalls: true,
  // Native structured output (`outputConfig.textFormat`), on the models Bedrock offers it for.
  jsonSchema: true,
  // Claude's extended thinking; reasoning text from any model that returns it.
  reasoning: true,
  images: true,
  // Amazon Titan text embeddings (InvokeModel).
  embeddings: true,
});

/** Titan embeds one text per call; this many calls run at once for a batch. */
const EMBED_CONCURRENCY = 4;

// Looked up per call, so a `fetch` installed after the adapter was created (test stubs, polyfills) is used.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

interface SdkClient {
  readonly client: BedrockRuntimeClient;
  /** The raw body of an error response; only known when our fetch handler carried the request. */
  readonly errorBodyFor: ((response: unknown) => unknown) | undefined;
}

function checkClientOptions(options: BedrockProviderOptions): void {
  const owned = (['region', 'credentials', 'apiKey', 'baseURL', 'fetch'] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (options.client !== undefined && owned.length > 0) {
    throw new InvalidConfigError(
      `bedrock({ client }) uses the client's own configuration; remove ${owned.join(', ')} or the client.`,
    );
  }
}

/**
 * The AWS Bedrock adapter: chat over the Converse and ConverseStream APIs, embeddings with Amazon
 * Titan over InvokeModel, all through the official `@aws-sdk/client-bedrock-runtime`. Requests are
 * signed by the SDK and sent through `fetch`; the SDK's retries are off (`maxAttempts: 1`) because the
 * gateway owns retries. There is no `listModels`: listing models is the separate control-plane API
 * (`@aws-sdk/client-bedrock`).
 */
export function bedrock(options: BedrockProviderOptions = {}): BedrockAdapter {
  checkClientOptions(options);
  const region = options.region ?? readEnv('AWS_REGION');
  // Explicit credentials mean SigV4; the environment's API key applies only without them.
  const apiKey =
    options.apiKey ?? (options.credentials === undefined ? readEnv('AWS_BEARER_TOKEN_BEDROCK') : undefined);
  const auth: Partial<BedrockRuntimeClientConfig> =
    apiKey !== undefined
      ? { token: { token: apiKey }, authSchemePreference: ['httpBearerAuth'] }
      : options.credentials !== undefined
        ? { credentials: options.credentials, authSchemePreference: ['sigv4'] }
        : {};

  const createClient = (fetch: FetchFunction): SdkClient => {
    const { handler, errorBodyFor } = createFetchHttpHandler(redactSecretsFetch(fetch, [apiKey]));
    const client = new BedrockRuntimeClient({
      ...auth,
      ...(region === undefined ? {} : { region }),
      ...(options.baseURL === undefined ? {} : { endpoint: options.baseURL }),
      requestHandler: handler,
      maxAttempts: 1,
    });
    return { client, errorBodyFor };
  };

  let defaultClient: SdkClient | undefined;
  // The gateway's `fetch` option reaches adapters per call; one SDK client per distinct fetch function.
  const gatewayFetchClients = new WeakMap<FetchFunction, SdkClient>();
  const clientFor = (call: { fetch?: FetchFunction }): SdkClient => {
    if (options.client !== undefined) return { client: options.client, errorBodyFor: undefined };
    if (options.fetch !== undefined || call.fetch === undefined) {
      defaultClient ??= createClient(options.fetch ?? globalFetch);
      return defaultClient;
    }
    let sdk = gatewayFetchClients.get(call.fetch);
    if (sdk === undefined) {
      sdk = createClient(call.fetch);
      gatewayFetchClients.set(call.fetch, sdk);
    }
    return sdk;
  };
  const mapError = (error: unknown, sdk: SdkClient, signal: AbortSignal) =>
    mapBedrockError(error, {
      provider: PROVIDER,
      signal,
      ...(sdk.errorBodyFor === undefined ? {} : { errorBodyFor: sdk.errorBodyFor }),
    });
  const headersFor = (call: { headers: Record<string, string> }) =>
    requestHeadersMiddleware({ ...options.headers, ...call.headers });

  async function doGenerate(call: ProviderCall): Promise<GenerateResult> {
    const { input, warnings } = convertToBedrockRequest({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    const sdk = clientFor(call);
    const command = new ConverseCommand(input);
    command.middlewareStack.add(headersFor(call), REQUEST_HEADERS_STEP);
    let output: ConverseCommandOutput;
    try {
      output = await sdk.client.send(command, { abortSignal: call.signal });
    } catch (error) {
      throw mapError(error, sdk, call.signal);
    }
    const result = convertBedrockResponse(output, PROVIDER);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async function doStream(call: ProviderCall): Promise<StreamResult> {
    const { input, warnings } = convertToBedrockRequest({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    const sdk = clientFor(call);
    // Cancelling the part stream must abort the HTTP request, as must the caller's signal.
    const cancel = new AbortController();
    const signal = AbortSignal.any([call.signal, cancel.signal]);
    // The SDK resolves once the first event is decoded, so HTTP errors and a first exception event reject here.
    const command = new ConverseStreamCommand(input);
    command.middlewareStack.add(headersFor(call), REQUEST_HEADERS_STEP);
    const output = await sdk.client.send(command, { abortSignal: signal }).catch((error: unknown) => {
      const mapped = mapError(error, sdk, call.signal);
      // An exception as the first event leaves the response body open; release it.
      cancel.abort();
      throw mapped;
    });
    if (output.stream === undefined) {
      cancel.abort();
      throw new APIConnectionError(`${PROVIDER} returned a ConverseStream response without a stream.`, {
        provider: PROVIDER,
      });
    }
    const stream = createBedrockPartStream({
      events: output.stream,
      abort: () => cancel.abort(),
      provider: PROVIDER,
      signal: call.signal,
      mapError: (error) => mapError(error, sdk, call.signal),
    });
    return { stream, warnings };
  }

  async function doEmbed(call: EmbedCall): Promise<EmbedResult> {
    const { bodies, warnings } = convertToTitanEmbeddingBodies({
      provider: PROVIDER,
      modelId: call.modelId,
      request: call.request,
    });
    const sdk = clientFor(call);
    const encoder = new TextEncoder();
    const embeddings = await mapWithConcurrency(bodies, EMBED_CONCURRENCY, async (body) => {
      const command = new InvokeModelCommand({
        modelId: call.modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: encoder.encode(body),
      });
      command.middlewareStack.add(headersFor(call), REQUEST_HEADERS_STEP);
      try {
        const output = await sdk.client.send(command, { abortSignal: call.signal });
        return convertTitanEmbeddingResponse(output.body, PROVIDER);
      } catch (error) {
        throw mapError(error, sdk, call.signal);
      }
    });
    const tokens = embeddings.map((embedding) => embedding.tokens);
    const promptTokens = tokens.every((count) => count !== undefined)
      ? tokens.reduce((sum, count) => sum + count, 0)
      : undefined;
    return {
      embeddings: embeddings.map(({ embedding }) => embedding),
      ...(promptTokens === undefined
        ? {}
        : { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }),
      model: call.modelId,
      warnings,
    };
  }

  return {
    specificationVersion: 'v1',
    provider: PROVIDER,
    capabilities,
    doGenerate,
    doStream,
    doEmbed,
  };
}
