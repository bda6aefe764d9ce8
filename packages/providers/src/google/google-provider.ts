import type { HttpOptions } from '@google/genai';
import {
  APIConnectionError,
  type EmbedCall,
  type EmbedResult,
  type GenerateResult,
  type ModelInfo,
  type ProviderCall,
  type ProviderCapabilities,
  type StreamResult,
  type SwitchyardError,
  type Warning,
} from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readString } from '../shared/json-readers.js';
import { captureGoogleErrorResponse } from './capture-google-error-response.js';
import { convertGoogleEmbeddings } from './convert-google-embeddings.js';
import { convertGoogleResponse } from './convert-google-response.js';
import { convertToGoogleRequest } from './convert-to-google-request.js';
import { createGoogleBackend } from './create-google-backend.js';
import { createGooglePartStream } from './create-google-part-stream.js';
import type { FetchFunction, GoogleAdapter, GoogleProviderOptions } from './google-options.js';
import { mapGoogleError } from './map-google-error.js';

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

/** Model names come back as `models/gemini-2.5-flash` (Gemini API) or `publishers/google/models/…` (Vertex). */
const toModelInfo = (model: unknown): ModelInfo | undefined => {
  const name = isRecord(model) ? readString(model, 'name') : undefined;
  if (name === undefined) return undefined;
  return { id: name.slice(name.lastIndexOf('models/') + 'models/'.length), ownedBy: 'google' };
};

const embeddingInputs = (input: EmbedCall['request']['input'], provider: string): Array<string> => {
  if (typeof input === 'string') return [input];
  if (input.every((item): item is string => typeof item === 'string')) return input;
  // Token arrays are OpenAI tokenizer ids, which mean nothing to Gemini.
  throw invalidRequestError(provider, 'input', 'Gemini embeds text; token-id inputs cannot be sent.');
};

/**
 * The Google Gemini adapter on the official `@google/genai` SDK: the Gemini API with an API key, or
 * Vertex AI with `vertex`. The gateway owns retries and timeouts: the SDK retries nothing (no
 * `retryOptions`), continues nothing (`automaticContinuation: false`) and sets no timeout.
 */
export function google(options: GoogleProviderOptions = {}): GoogleAdapter {
  const provider = 'google';
  const backend = createGoogleBackend(options, provider);

  /** Per-call HTTP options: the call's fetch (with credentials and error capture), headers and signal. */
  const httpFor = (call: { fetch?: FetchFunction; headers?: Record<string, string> }) => {
    const capture = captureGoogleErrorResponse(backend.authorize(options.fetch ?? call.fetch ?? globalFetch));
    const httpOptions: HttpOptions = {
      fetch: capture.fetch,
      ...(call.headers === undefined ? {} : { headers: call.headers }),
    };
    const mapError = (error: unknown, signal?: AbortSignal): SwitchyardError =>
      mapGoogleError(error, {
        provider,
        errorResponse: capture.response,
        ...(signal === undefined ? {} : { signal }),
      });
    return { httpOptions, mapError };
  };

  async function doGenerate(call: ProviderCall): Promise<GenerateResult> {
    const { contents, config, warnings } = convertToGoogleRequest({
      provider,
      modelId: call.modelId,
      request: call.request,
    });
    const { httpOptions, mapError } = httpFor(call);
    let response: unknown;
    try {
      response = await backend.client().models.generateContent({
        model: call.modelId,
        contents,
        config: { ...config, httpOptions, abortSignal: call.signal },
      });
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const result = convertGoogleResponse(response, provider);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async function doStream(call: ProviderCall): Promise<StreamResult> {
    const { contents, config, warnings } = convertToGoogleRequest({
      provider,
      modelId: call.modelId,
      request: call.request,
    });
    const { httpOptions, mapError } = httpFor(call);
    // Cancelling the part stream must stop the HTTP body too, not only the caller's signal.
    const cancel = new AbortController();
    const signal = AbortSignal.any([call.signal, cancel.signal]);
    // Resolves once the response headers arrive, so HTTP errors reject here, before any part.
    const chunks = await backend
      .client()
      .models.generateContentStream({
        model: call.modelId,
        contents,
        config: { ...config, httpOptions, abortSignal: signal },
      })
      .catch((error: unknown) => {
        throw mapError(error, call.signal);
      });
    const stream = createGooglePartStream({
      chunks,
      abort: () => cancel.abort(),
      provider,
      signal: call.signal,
      mapError: (error) => mapError(error, call.signal),
    });
    return { stream, warnings };
  }

  async function doEmbed(call: EmbedCall): Promise<EmbedResult> {
    const { input, dimensions, user } = call.request;
    const texts = embeddingInputs(input, provider);
    const warnings: Array<Warning> = [];
    if (user !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'user',
        message: 'Gemini has no end-user id; user was not sent.',
      });
    }
    const { httpOptions, mapError } = httpFor(call);
    const config = {
      ...(dimensions === undefined ? {} : { outputDimensionality: dimensions }),
      httpOptions,
      abortSignal: call.signal,
    };
    const client = backend.client();
    const embed = (contents: Array<string>) =>
      client.models.embedContent({ model: call.modelId, contents, config });
    let responses: Array<unknown>;
    try {
      // The Gemini API embeds a batch in one call (batchEmbedContents). Vertex AI's embedContent reads
      // several texts as the parts of one input, so there each text is its own request.
      responses =
        options.vertex === undefined
          ? [await embed(texts)]
          : await Promise.all(texts.map((text) => embed([text])));
    } catch (error) {
      throw mapError(error, call.signal);
    }
    const converted = responses.map((response) => convertGoogleEmbeddings(response, provider));
    const embeddings = converted.flatMap((result) => result.embeddings);
    if (embeddings.length !== texts.length) {
      throw new APIConnectionError(
        `${provider} returned ${embeddings.length} embeddings for ${texts.length} inputs.`,
        { provider },
      );
    }
    const counts = converted.map((result) => result.promptTokens);
    const promptTokens = counts.every((count) => count !== undefined)
      ? counts.reduce((sum, count) => sum + count, 0)
      : undefined;
    return {
      embeddings,
      ...(promptTokens === undefined
        ? {}
        : { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }),
      model: call.modelId,
      warnings,
    };
  }

  async function listModels(): Promise<Array<ModelInfo>> {
    const { httpOptions, mapError } = httpFor({});
    const models: Array<ModelInfo> = [];
    try {
      const pager = await backend
        .client()
        .models.list({ config: { httpOptions: { ...backend.listHttpOptions, ...httpOptions } } });
      for await (const model of pager) {
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
    doEmbed,
    listModels,
  };
}
