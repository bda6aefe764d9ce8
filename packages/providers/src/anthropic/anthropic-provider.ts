import Anthropic from '@anthropic-ai/sdk';
import type {
  GenerateResult,
  ModelInfo,
  ProviderCall,
  ProviderCapabilities,
  StreamResult,
  SwitchyardError,
} from '@switchyard/core';
import { captureErrorBodies } from '../shared/capture-error-bodies.js';
import { isRecord, readString } from '../shared/json-readers.js';
import { readEnv } from '../shared/read-env.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import type { AnthropicAdapter, AnthropicProviderOptions, FetchFunction } from './anthropic-options.js';
import { convertAnthropicMessage } from './convert-anthropic-message.js';
import { convertToAnthropicRequest } from './convert-to-anthropic-request.js';
import { createAnthropicPartStream } from './create-anthropic-part-stream.js';
import { DEFAULT_THINKING_BUDGETS } from './default-thinking-budgets.js';
import { mapAnthropicError } from './map-anthropic-error.js';

const capabilities: ProviderCapabilities = Object.freeze({
  streaming: true,
  tools: true,
  parallelToolCalls: true,
  jsonSchema: true,
  reasoning: true,
  images: true,
  // Anthropic has no embeddings endpoint.
  embeddings: false,
});

const DEFAULT_BASE_URL = 'https://api.anthropic.com';
const DEFAULT_MAX_TOKENS = 4096;
// The gateway bounds each attempt with its own timeout (through the call's signal). An explicit SDK
// timeout is only a backstop, and it stops the SDK refusing non-streaming calls with a large
// max_tokens ("Streaming is required for operations that may take longer than 10 minutes").
const SDK_TIMEOUT_MS = 60 * 60 * 1000;
// Without a key the SDK would look for credentials itself (environment, profile files); a placeholder
// key with the Authorization header removed (a null header) sends no credential at all.
const KEYLESS_PLACEHOLDER = 'switchyard-keyless';

// Looked up per call, so a `fetch` installed after the adapter was created (test stubs, polyfills) is used.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

interface SdkClient {
  readonly client: Anthropic;
  readonly mapError: (error: unknown, signal?: AbortSignal) => SwitchyardError;
}

const toModelInfo = (model: unknown): ModelInfo | undefined => {
  if (!isRecord(model)) return undefined;
  const id = readString(model, 'id');
  if (id === undefined) return undefined;
  const createdAt = Date.parse(readString(model, 'created_at') ?? '');
  return {
    id,
    ownedBy: 'anthropic',
    ...(Number.isNaN(createdAt) ? {} : { created: Math.floor(createdAt / 1000) }),
  };
};

/**
 * The Anthropic adapter: Chat Completions requests over the Messages API, built on the official
 * `@anthropic-ai/sdk` (which speaks API version 2026-10-21). The gateway owns retries and
 * timeouts, so the SDK's retries are off (`maxRetries: 0`).
 */
export function anthropic(options: AnthropicProviderOptions = {}): AnthropicAdapter {
  const apiKey = options.apiKey ?? readEnv('ANTHROPIC_API_KEY');
  const conversion = {
    defaultMaxTokens: options.defaultMaxTokens ?? DEFAULT_MAX_TOKENS,
    reasoningMode: options.reasoningMode ?? 'budget',
    reasoningBudgets: { ...DEFAULT_THINKING_BUDGETS, ...options.reasoningBudgets },
  };

  const createClient = (fetch: FetchFunction): SdkClient => {
    const errorBodies = captureErrorBodies(redactSecretsFetch(fetch, [apiKey]));
    const client = new Anthropic({
      apiKey: apiKey ?? KEYLESS_PLACEHOLDER,
      baseURL: options.baseURL ?? DEFAULT_BASE_URL,
      fetch: errorBodies.fetch,
      maxRetries: 0,
      timeout: SDK_TIMEOUT_MS,
      defaultHeaders: { ...options.headers, ...(apiKey === undefined ? { authorization: null } : {}) },
      // Every failure reaches the caller as a typed error; the SDK's console logging would only repeat it.
      logLevel: 'off',
    });
    const mapError = (error: unknown, signal?: AbortSignal) =>
      mapAnthropicError(error, {
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
  const requestOptions = (call: ProviderCall) => ({ signal: call.signal, headers: call.headers });
  const convert = (call: ProviderCall) =>
    convertToAnthropicRequest({ ...conversion, modelId: call.modelId, request: call.request });

  async function doGenerate(call: ProviderCall): Promise<GenerateResult> {
    const { body, warnings } = convert(call);
    const { client, mapError } = clientFor(call);
    let message: unknown;
    try {
      message = await client.messages.create({ ...body, stream: false }, requestOptions(call));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const result = convertAnthropicMessage(message);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async function doStream(call: ProviderCall): Promise<StreamResult> {
    const { body, warnings } = convert(call);
    const { client, mapError } = clientFor(call);
    // Resolves once the response headers arrive, so HTTP errors reject here, before any part.
    const events = await client.messages
      .create({ ...body, stream: true }, requestOptions(call))
      .catch((error: unknown) => {
        throw mapError(error, call.signal);
      });
    const stream = createAnthropicPartStream({
      events,
      abort: () => events.controller.abort(),
      signal: call.signal,
      mapError: (error) => mapError(error, call.signal),
    });
    return { stream, warnings };
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
    provider: 'anthropic',
    capabilities,
    doGenerate,
    doStream,
    listModels,
  };
}
