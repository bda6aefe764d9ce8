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
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import { redactableSecrets } from '../shared/replace-secrets.js';
import { buildOpenAIChatURL } from './build-openai-chat-url.js';
import { convertOpenAIChatCompletion } from './convert-openai-chat-completion.js';
import { convertOpenAIEmbeddingResponse } from './convert-openai-embedding-response.js';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import { createOpenAIHeaders } from './create-openai-headers.js';
import { createOpenAIPartStream } from './create-openai-part-stream.js';
import { mapOpenAIError } from './map-openai-error.js';
import type {
  FetchFunction,
  OpenAICompatibleAdapter,
  OpenAICompatibleCapabilities,
  OpenAICompatibleOptions,
} from './openai-compatible-options.js';
import { type OpenAIChunks, readOpenAIChunks } from './read-openai-chunks.js';
import { readOpenAIResponseBody } from './read-openai-response-body.js';
import { sendOpenAIChatRequest } from './send-openai-chat-request.js';

const defaultCapabilities: OpenAICompatibleCapabilities = {
  tools: true,
  parallelToolCalls: true,
  streaming: true,
  jsonSchema: true,
  reasoning: true,
  embeddings: true,
  images: true,
};

// The SDK client (embeddings, models) refuses to start without a credential; keyless servers get this
// placeholder and the Authorization header is removed (a null header value), so it never leaves the process.
const KEYLESS_PLACEHOLDER = 'switchyard-keyless';

// Looked up per call, so a `fetch` installed after the adapter was created (test stubs, polyfills) is used.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/** One `fetch` as the adapter uses it: wrapped to redact secrets and keep error bodies. */
interface Transport {
  readonly fetch: FetchFunction;
  /** The SDK client on the same `fetch`, for embeddings and the model list; made on first use. */
  readonly client: () => OpenAI;
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
 * A provider adapter for any server that speaks OpenAI's Chat Completions API. Chat requests go to the
 * wire directly with `fetch` (the hot path; see docs/decisions/0014-openai-wire-fast-path.md), failing with
 * the official `openai` SDK's errors so they map as the SDK's do; embeddings and the model list use the
 * SDK itself. The gateway owns retries and timeouts, so the SDK's are off (`maxRetries: 0`).
 */
export function openaiCompatible(options: OpenAICompatibleOptions): OpenAICompatibleAdapter {
  const provider = options.name;
  const unsupported = options.unsupported ?? [];
  const sendReasoningContent = options.sendReasoningContent ?? true;
  const capabilities = Object.freeze({ ...defaultCapabilities, ...options.capabilities });
  const secrets = redactableSecrets([options.apiKey]);
  // Built on first use, inside the call: an invalid base URL fails the call (as with the SDK), not the setup.
  let chatURL: string | undefined;
  const chatURLFor = (): string => (chatURL ??= buildOpenAIChatURL(options.baseURL, options.queryParams));
  const headersFor = createOpenAIHeaders({ apiKey: options.apiKey, headers: options.headers });
  const createTransport = (fetch: FetchFunction): Transport => {
    const errorBodies = captureErrorBodies(redactSecretsFetch(fetch, secrets));
    let client: OpenAI | undefined;
    const createClient = (): OpenAI =>
      new OpenAI({
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
        // The SDK client's default; the chat path has no timeout of its own (the gateway's deadline covers it).
        timeoutMs: OpenAI.DEFAULT_TIMEOUT,
        errorBodyFor: errorBodies.bodyFor,
        secrets,
        ...(signal === undefined ? {} : { signal }),
      });
    return { fetch: errorBodies.fetch, client: () => (client ??= createClient()), mapError };
  };
  const defaultTransport = createTransport(options.fetch ?? globalFetch);
  // The gateway's `fetch` option reaches adapters per call; one transport per distinct fetch function.
  const gatewayFetchTransports = new WeakMap<FetchFunction, Transport>();
  const transportFor = (call: { fetch?: FetchFunction }): Transport => {
    if (options.fetch !== undefined || call.fetch === undefined) return defaultTransport;
    let transport = gatewayFetchTransports.get(call.fetch);
    if (transport === undefined) {
      transport = createTransport(call.fetch);
      gatewayFetchTransports.set(call.fetch, transport);
    }
    return transport;
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
    const { fetch, mapError } = transportFor(call);
    let completion: unknown;
    try {
      const response = await sendOpenAIChatRequest({
        fetch,
        url: chatURLFor(),
        headers: headersFor('json', call.headers),
        body: JSON.stringify(body),
        signal: call.signal,
      });
      completion = await readOpenAIResponseBody(response);
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
    const { fetch, mapError } = transportFor(call);
    if (call.signal.aborted) throw mapError(new OpenAI.APIUserAbortError(), call.signal);
    // One controller per stream: the call's abort and cancelling the part stream both end the request
    // and the body read (a read stalled on the network included).
    const request = new AbortController();
    let chunks: OpenAIChunks | undefined;
    const abort = (): void => {
      request.abort();
      chunks?.cancel();
    };
    call.signal.addEventListener('abort', abort, { once: true });
    const stopListening = (): void => call.signal.removeEventListener('abort', abort);
    let response: Response;
    try {
      // Resolves once the response headers arrive, so HTTP errors reject here, before any part.
      response = await sendOpenAIChatRequest({
        fetch,
        url: chatURLFor(),
        headers: headersFor('event-stream', call.headers),
        body: JSON.stringify(body),
        signal: request.signal,
      });
    } catch (error) {
      stopListening();
      throw mapError(error, call.signal);
    }
    chunks = readOpenAIChunks(response, request.signal, stopListening);
    const stream = createOpenAIPartStream({
      chunks,
      abort,
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
    const { client, mapError } = transportFor(call);
    let response: unknown;
    try {
      response = await client().embeddings.create({ ...request, model: call.modelId }, requestOptions(call));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    return { ...convertOpenAIEmbeddingResponse(response, provider), warnings: [] };
  }

  async function listModels(): Promise<Array<ModelInfo>> {
    const models: Array<ModelInfo> = [];
    const { client, mapError } = defaultTransport;
    try {
      for await (const model of client().models.list()) {
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
