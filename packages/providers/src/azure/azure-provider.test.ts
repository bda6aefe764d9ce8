import {
  AbortError,
  APIConnectionError,
  BadRequestError,
  createGateway,
  InvalidConfigError,
  type ProviderCall,
  type ProviderRequest,
  RateLimitError,
  type StreamPart,
} from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import completionStream from './__fixtures__/chat-completion.sse.txt?raw';
import filteredBody from './__fixtures__/chat-content-filter.json?raw';
import filteredStream from './__fixtures__/chat-content-filter.sse.txt?raw';
import embeddingsBody from './__fixtures__/embeddings-base64.json?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import contentFilterError from './__fixtures__/error-content-filter.json?raw';
import { azure } from './azure-provider.js';

const API_KEY = 'azure-test-canary-7c1e';

const call = (
  request: Partial<ProviderRequest> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'gpt-41-prod',
  request: {
    model: 'azure/gpt-41-prod',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

const textOf = (parts: ReadonlyArray<StreamPart>): string =>
  parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('azure() configuration', () => {
  it('sends to the deployment named by the model id, with api-key auth and the api-version', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });
    const adapter = azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch });

    await adapter.doGenerate(call({ temperature: 0.2, max_tokens: 64 }));

    expect(requests[0]?.url).toBe(
      'https://contoso-ai.openai.azure.com/openai/deployments/gpt-41-prod/chat/completions?api-version=2025-04-01-preview',
    );
    expect(requests[0]?.headers['api-key']).toBe(API_KEY);
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(requests[0]?.body).toEqual({
      model: 'gpt-41-prod',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      temperature: 0.2,
      max_tokens: 64,
    });
  });

  it('reads the key, resource name and api-version from the environment', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', API_KEY);
    vi.stubEnv('AZURE_OPENAI_RESOURCE_NAME', 'env-resource');
    vi.stubEnv('OPENAI_API_VERSION', '2024-10-21');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await azure({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe(
      'https://env-resource.openai.azure.com/openai/deployments/gpt-41-prod/chat/completions?api-version=2024-10-21',
    );
    expect(requests[0]?.headers['api-key']).toBe(API_KEY);
  });

  it('falls back to AZURE_OPENAI_ENDPOINT (an AI Foundry endpoint) and never sends OpenAI-only settings', async () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://contoso.cognitiveservices.azure.com/');
    vi.stubEnv('OPENAI_BASE_URL', 'https://api.openai.com/v1');
    vi.stubEnv('OPENAI_ORG_ID', 'org-should-not-leak');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-should-not-leak');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await azure({ apiKey: API_KEY, fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe(
      'https://contoso.cognitiveservices.azure.com/openai/deployments/gpt-41-prod/chat/completions?api-version=2025-04-01-preview',
    );
    expect(requests[0]?.headers['openai-organization']).toBeUndefined();
    expect(requests[0]?.headers['openai-project']).toBeUndefined();
  });

  it('uses a fixed deploymentId and an explicit baseURL over the model id and resource name', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });
    const adapter = azure({
      baseURL: 'https://gateway.internal.example/openai/',
      resourceName: 'ignored',
      deploymentId: 'pinned-deployment',
      apiVersion: '2024-10-21',
      apiKey: API_KEY,
      headers: { 'x-team': 'search' },
      fetch,
    });

    await adapter.doGenerate(call({}, { headers: { 'x-request-tag': 'a1' } }));

    expect(requests[0]?.url).toBe(
      'https://gateway.internal.example/openai/deployments/pinned-deployment/chat/completions?api-version=2024-10-21',
    );
    expect(requests[0]?.headers).toMatchObject({ 'x-team': 'search', 'x-request-tag': 'a1' });
  });

  it('authenticates with a Microsoft Entra ID token provider, even with AZURE_OPENAI_API_KEY set', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key-not-used');
    const tokenProvider = vi.fn(async () => 'entra-token-1');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await azure({ resourceName: 'contoso-ai', azureADTokenProvider: tokenProvider, fetch }).doGenerate(
      call(),
    );

    expect(tokenProvider).toHaveBeenCalledTimes(1);
    expect(requests[0]?.headers.authorization).toBe('Bearer entra-token-1');
    expect(requests[0]?.headers['api-key']).toBeUndefined();
  });

  it('fails at configuration time without an endpoint or a credential, naming what to set', () => {
    expect(() => azure({ apiKey: API_KEY })).toThrow(InvalidConfigError);
    expect(() => azure({ apiKey: API_KEY })).toThrow(/AZURE_OPENAI_RESOURCE_NAME/);
    expect(() => azure({ resourceName: 'contoso-ai' })).toThrow(/AZURE_OPENAI_API_KEY/);
    expect(() =>
      azure({ resourceName: 'contoso-ai', apiKey: API_KEY, azureADTokenProvider: async () => 't' }),
    ).toThrow(InvalidConfigError);
  });

  it('declares its capabilities and has no listModels (Azure lists base models, not deployments)', () => {
    const adapter = azure({ resourceName: 'contoso-ai', apiKey: API_KEY });
    expect(adapter.capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: true,
      jsonSchema: true,
      reasoning: true,
      images: true,
      embeddings: true,
    });
    expect(adapter.listModels).toBeUndefined();
    expect(adapter.provider).toBe('azure');
  });
});

describe('azure() content filtering', () => {
  it('ignores prompt_filter_results and content_filter_results in a completion', async () => {
    const { fetch } = fixtureFetch({ body: completionBody });

    const result = await azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch }).doGenerate(call());

    expect(result).toMatchObject({
      response: { id: 'chatcmpl-CB38CGNFrrplmi6y7Sw64xcY6QqIm', model: 'gpt-4.1-2025-04-14' },
      choices: [
        {
          text: 'Bonjour ! Comment puis-je vous aider aujourd’hui ?',
          finishReason: { unified: 'stop', raw: 'stop' },
        },
      ],
      usage: { prompt_tokens: 23, completion_tokens: 14, total_tokens: 37 },
      warnings: [],
    });
  });

  it('skips the prompt-filter event so the stream metadata is the response’s, not empty', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionStream, chunkSizes: [5, 11, 97] });
    const adapter = azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch });

    const { stream } = await adapter.doStream(call());
    const parts = await readAll(stream);

    expect(requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(parts[0]).toEqual({
      type: 'response-metadata',
      id: 'chatcmpl-CB3Rz8LwQmT1vKx0yJ4sP2nE7dHfA',
      created: 1756750021,
      model: 'gpt-4.1-2025-04-14',
      systemFingerprint: 'fp_c79ab13e31',
    });
    expect(textOf(parts)).toBe('Bonjour ! Comment allez-vous ?');
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', reason: { unified: 'stop', raw: 'stop' } },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 23,
          completion_tokens: 9,
          total_tokens: 32,
          prompt_tokens_details: { audio_tokens: 0, cached_tokens: 0 },
          completion_tokens_details: {
            accepted_prediction_tokens: 0,
            audio_tokens: 0,
            reasoning_tokens: 0,
            rejected_prediction_tokens: 0,
          },
        },
      },
    ]);
    expect(parts.filter((part) => part.type === 'error')).toEqual([]);
  });

  it('reports a filtered completion as finish_reason content_filter, with the filter-system error ignored', async () => {
    const { fetch } = fixtureFetch({ body: filteredBody });

    const result = await azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch }).doGenerate(call());

    expect(result.choices[0]).toMatchObject({
      text: null,
      finishReason: { unified: 'content_filter', raw: 'content_filter' },
    });
    expect(result.usage?.total_tokens).toBe(43);
  });

  it('ends a stream whose output was filtered with finish content_filter, after the partial text', async () => {
    const { fetch } = fixtureFetch({ body: filteredStream, chunkSizes: [64] });

    const { stream } = await azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    expect(textOf(parts)).toBe('The battle scene');
    expect(parts.filter((part) => part.type === 'finish')).toEqual([
      { type: 'finish', reason: { unified: 'content_filter', raw: 'content_filter' } },
    ]);
    expect(parts.at(-1)?.type).toBe('usage');
  });

  it('turns a filtered prompt (400 content_filter) into a BadRequestError with Azure’s body as sent', async () => {
    const { fetch } = fixtureFetch({ status: 400, body: contentFilterError });
    const adapter = azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch });

    for (const attempt of [adapter.doGenerate(call()), adapter.doStream(call())]) {
      const error = await rejection(attempt);
      expect(BadRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        status: 400,
        provider: 'azure',
        code: 'content_filter',
        param: 'prompt',
        isRetryable: false,
        body: JSON.parse(contentFilterError),
      });
      expect(error).toMatchObject({
        body: { error: { innererror: { code: 'ResponsibleAIPolicyViolation' } } },
      });
    }
  });
});

describe('azure() errors', () => {
  it('maps a 429 to a RateLimitError with retry-after-ms, and never puts the key in the error', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });

    const error = await rejection(
      azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch }).doGenerate(call()),
    );

    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 6000, isRetryable: true, code: '429' });
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(String(error)).not.toContain(API_KEY);
  });

  it('maps malformed JSON to an APIConnectionError', async () => {
    const { fetch } = fixtureFetch({ body: '{"choices":[{"index":0,' });

    const error = await rejection(
      azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch }).doGenerate(call()),
    );

    expect(APIConnectionError.isInstance(error)).toBe(true);
  });

  it('ends a stream cut off before finish_reason with a typed error part', async () => {
    const cut = completionStream.slice(0, completionStream.indexOf('"finish_reason":"stop"'));
    const truncated = cut.slice(0, cut.lastIndexOf('data: '));
    const { fetch } = fixtureFetch({ body: truncated });

    const { stream } = await azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);

    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    expect(APIConnectionError.isInstance(last?.type === 'error' ? last.error : undefined)).toBe(true);
  });

  it('rejects with an AbortError carrying the signal’s reason', async () => {
    const { fetch } = fixtureFetch({ body: completionStream, stall: true });
    const controller = new AbortController();
    const adapter = azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch });
    const reason = new Error('caller went away');

    const { stream } = await adapter.doStream(call({}, { signal: controller.signal }));
    const reading = readAll(stream);
    controller.abort(reason);
    const parts = await reading;

    const last = parts.at(-1);
    const error = last?.type === 'error' ? last.error : undefined;
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ cause: reason });
  });
});

describe('azure() embeddings and the gateway', () => {
  it('embeds through the deployment and decodes base64 vectors', async () => {
    const { fetch, requests } = fixtureFetch({ body: embeddingsBody });
    const adapter = azure({ resourceName: 'contoso-ai', apiKey: API_KEY, fetch });

    const result = await adapter.doEmbed({
      modelId: 'embed-small',
      request: { input: ['bonjour', 'salut'] },
      signal: new AbortController().signal,
      headers: {},
    });

    expect(requests[0]?.url).toBe(
      'https://contoso-ai.openai.azure.com/openai/deployments/embed-small/embeddings?api-version=2025-04-01-preview',
    );
    expect(result).toEqual({
      embeddings: [
        [0.5, -0.25, 0.125],
        [1, 0, -1],
      ],
      usage: { prompt_tokens: 6, total_tokens: 6 },
      model: 'text-embedding-3-small',
      warnings: [],
    });
  });

  it("uses the gateway's fetch when created without one, and serves the openai client", async () => {
    const { fetch, requests } = fixtureFetch({ body: completionStream });
    const gateway = createGateway({
      providers: { azure: azure({ resourceName: 'contoso-ai', apiKey: API_KEY }) },
      fetch,
      maxRetries: 0,
    });

    const chunks = [];
    for await (const chunk of await gateway.chat.completions.create({
      model: 'azure/gpt-41-prod',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      stream: true,
      stream_options: { include_usage: true },
    })) {
      chunks.push(chunk);
    }

    expect(requests).toHaveLength(1);
    expect(chunks[0]?.id).toBe('chatcmpl-CB3Rz8LwQmT1vKx0yJ4sP2nE7dHfA');
    expect(chunks.filter((chunk) => chunk.usage != null)).toHaveLength(1);
  });
});
