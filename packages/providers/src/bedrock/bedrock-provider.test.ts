import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createGateway, InvalidConfigError, type ProviderCall, RateLimitError } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FixtureResponse, fixtureFetch } from '../test-utils/fixture-fetch.js';
import cacheReadBody from './__fixtures__/converse-cache-read.json?raw';
import citationsBody from './__fixtures__/converse-citations.json?raw';
import guardrailBody from './__fixtures__/converse-guardrail-intervened.json?raw';
import reasoningBody from './__fixtures__/converse-reasoning.json?raw';
import textBody from './__fixtures__/converse-text.json?raw';
import toolUseBody from './__fixtures__/converse-tool-use.json?raw';
import throttlingHeaders from './__fixtures__/error-throttling.headers.json';
import throttlingBody from './__fixtures__/error-throttling.json?raw';
import { bedrock } from './bedrock-provider.js';
import { createFetchHttpHandler } from './create-fetch-http-handler.js';

const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

const call = (overrides: Partial<ProviderCall> = {}): ProviderCall => ({
  modelId: MODEL_ID,
  request: { model: MODEL_ID, messages: [{ role: 'user', content: 'Say hello in French.' }] },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const generate = async (response: FixtureResponse, overrides: Partial<ProviderCall> = {}) => {
  const { fetch, requests } = fixtureFetch(response);
  const result = await bedrock({ fetch, region: 'us-east-1', credentials: CREDENTIALS }).doGenerate(
    call(overrides),
  );
  return { result, requests };
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Converse responses', () => {
  it('maps text, finish reason and usage', async () => {
    const { result } = await generate({ body: textBody });
    expect(result).toEqual({
      response: {},
      choices: [
        {
          index: 0,
          text: 'Bonjour ! Comment allez-vous ?',
          toolCalls: [],
          finishReason: { unified: 'stop', raw: 'end_turn' },
        },
      ],
      usage: {
        prompt_tokens: 18,
        completion_tokens: 11,
        total_tokens: 29,
        prompt_tokens_details: { cached_tokens: 0 },
      },
      warnings: [],
    });
  });

  it('maps toolUse blocks to tool calls with the input as the argument string', async () => {
    const { result } = await generate({ body: toolUseBody });
    expect(result.choices[0]).toMatchObject({
      text: "I'll check the current weather in Paris.",
      toolCalls: [
        { id: 'tooluse_Jm4qXb7RS0m0Yc2LwYjZ8A', name: 'get_weather', arguments: '{"city":"Paris"}' },
      ],
      finishReason: { unified: 'tool_calls', raw: 'tool_use' },
    });
  });

  it('returns reasoning text and the signed block to send back', async () => {
    const { result } = await generate({ body: reasoningBody });
    const [choice] = result.choices;
    expect(choice?.text).toBe('17 × 24 = **408**.');
    expect(choice?.reasoning).toBe('17 × 24: 17 × 20 = 340 and 17 × 4 = 68, so 340 + 68 = 408.');
    expect(choice?.reasoningDetails).toEqual([
      {
        type: 'reasoning.text',
        text: '17 × 24: 17 × 20 = 340 and 17 × 4 = 68, so 340 + 68 = 408.',
        signature: expect.stringMatching(/^EpQCCkgIBxAB/),
        provider: 'bedrock',
      },
    ]);
  });

  it('counts cache reads into prompt_tokens and cached_tokens', async () => {
    const { result } = await generate({ body: cacheReadBody });
    expect(result.usage).toEqual({
      prompt_tokens: 1857,
      completion_tokens: 5,
      total_tokens: 1862,
      prompt_tokens_details: { cached_tokens: 1843 },
    });
  });

  it('maps guardrail_intervened to content_filter', async () => {
    const { result } = await generate({ body: guardrailBody });
    expect(result.choices[0]?.finishReason).toEqual({
      unified: 'content_filter',
      raw: 'guardrail_intervened',
    });
  });

  it('keeps cited text in the answer and warns that citations are left out', async () => {
    const { result } = await generate({ body: citationsBody });
    expect(result.choices[0]?.text).toBe(
      'Based on the attached PDF, I cannot provide a definition of what the AI SDK is in one sentence because the document does not actually define or explain what the AI SDK is. The document only mentions that "in the next section, you will learn about the difference between models providers and models, and which ones are available in the AI SDK," but it does not provide any explanation of what the AI SDK itself is.',
    );
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: 'bedrock returned citations; the cited text is in the answer, the citations were left out.',
      },
    ]);
  });

  it('returns the request warnings with the result', async () => {
    const { result } = await generate(
      { body: textBody },
      {
        request: {
          model: MODEL_ID,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'What is this?' },
                { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
              ],
            },
          ],
          seed: 1,
        },
      },
    );
    expect(result.warnings.map((warning) => warning.setting)).toEqual(['seed', 'image_url.url']);
  });
});

describe('client configuration', () => {
  it('signs requests with SigV4 for the bedrock service in the region', async () => {
    const { requests } = await generate({ body: textBody });
    const [request] = requests;
    expect(request?.url).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse',
    );
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers['amz-sdk-request']).toBe('attempt=1; max=1');
    expect(request?.headers).not.toHaveProperty('host');
  });

  it('sends (and signs) the adapter headers and the call headers', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = bedrock({
      fetch,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      headers: { 'x-team': 'search' },
    });
    await adapter.doGenerate(call({ headers: { 'x-trace-id': 't-1', 'x-team': 'ads' } }));
    const headers = requests[0]?.headers ?? {};
    expect(headers).toMatchObject({ 'x-team': 'ads', 'x-trace-id': 't-1' });
    expect(headers.authorization).toMatch(/SignedHeaders=[^,]*x-team;x-trace-id/);
  });

  it('sends requests to baseURL', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const baseURL = 'https://vpce-0a1b2c3d.bedrock-runtime.us-east-1.vpce.amazonaws.com';
    await bedrock({ fetch, region: 'us-east-1', credentials: CREDENTIALS, baseURL }).doGenerate(call());
    expect(requests[0]?.url).toBe(`${baseURL}/model/${encodeURIComponent(MODEL_ID)}/converse`);
  });

  it('sends a Bedrock API key as a bearer token instead of signing', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await bedrock({ fetch, region: 'us-west-2', apiKey: 'bedrock-api-key-canary' }).doGenerate(call());
    expect(requests[0]?.headers.authorization).toBe('Bearer bedrock-api-key-canary');
    expect(requests[0]?.url).toContain('bedrock-runtime.us-west-2.amazonaws.com');
  });

  it('reads AWS_REGION and AWS_BEARER_TOKEN_BEDROCK from the environment', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-3');
    vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', 'env-api-key');
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await bedrock({ fetch }).doGenerate(call());
    expect(requests[0]?.url).toContain('https://bedrock-runtime.eu-west-3.amazonaws.com/');
    expect(requests[0]?.headers.authorization).toBe('Bearer env-api-key');
  });

  it('signs with explicit credentials even when an API key is in the environment', async () => {
    vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', 'env-api-key');
    const { requests } = await generate({ body: textBody });
    expect(requests[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
  });

  it("uses the gateway's fetch when created without one", async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const gateway = createGateway({
      providers: { bedrock: bedrock({ region: 'us-east-1', credentials: CREDENTIALS }) },
      fetch,
      maxRetries: 0,
    });
    const completion = await gateway.chat.completions.create({
      model: `bedrock/${MODEL_ID}`,
      messages: [{ role: 'user', content: 'Say hello in French.' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Bonjour ! Comment allez-vous ?');
    expect(requests).toHaveLength(1);
  });

  it('uses a client the caller configured, with call headers and the exception as the body', async () => {
    const { fetch, requests } = fixtureFetch({
      status: 429,
      body: throttlingBody,
      headers: throttlingHeaders,
    });
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
      requestHandler: createFetchHttpHandler(fetch).handler,
    });
    const error = await bedrock({ client })
      .doGenerate(call({ headers: { 'x-trace-id': 't-2' } }))
      .catch((e: unknown) => e);
    expect(requests[0]?.headers['x-trace-id']).toBe('t-2');
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ body: { message: 'Too many requests, please wait before trying again.' } });
  });

  it('refuses connection options next to a client', () => {
    const client = new BedrockRuntimeClient({ region: 'us-east-1', credentials: CREDENTIALS });
    expect(() => bedrock({ client, region: 'eu-west-1' })).toThrow(InvalidConfigError);
  });

  it('declares its capabilities and has no listModels', () => {
    const adapter = bedrock({ region: 'us-east-1', credentials: CREDENTIALS });
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
    expect(adapter.doEmbed).toBeTypeOf('function');
  });
});
