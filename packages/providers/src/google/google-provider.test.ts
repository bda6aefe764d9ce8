import type { ProviderCall, ProviderRequest, StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import embeddingsBody from './__fixtures__/batch-embed-contents.json?raw';
import logprobsBody from './__fixtures__/generate-content-logprobs.json?raw';
import parallelToolCallsBody from './__fixtures__/generate-content-parallel-tool-calls.json?raw';
import promptBlockedBody from './__fixtures__/generate-content-prompt-blocked.json?raw';
import reasoningBody from './__fixtures__/generate-content-reasoning.json?raw';
import safetyBody from './__fixtures__/generate-content-safety.json?raw';
import textBody from './__fixtures__/generate-content-text.json?raw';
import modelsPage1 from './__fixtures__/models-page-1.json?raw';
import modelsPage2 from './__fixtures__/models-page-2.json?raw';
import parallelToolCallsStream from './__fixtures__/stream-parallel-tool-calls.sse.txt?raw';
import reasoningStream from './__fixtures__/stream-reasoning.sse.txt?raw';
import textStream from './__fixtures__/stream-text.sse.txt?raw';
import { google } from './google-provider.js';

const API_KEY = 'AIza-test-canary-5c1d';

const call = (
  request: Partial<ProviderRequest> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'gemini-2.5-flash',
  request: {
    model: 'google/gemini-2.5-flash',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
  {
    type: 'function' as const,
    function: {
      name: 'get_time',
      parameters: { type: 'object', properties: { timezone: { type: 'string' } } },
    },
  },
];

describe('google() doGenerate', () => {
  it('maps a text response with usage (thinking tokens are completion and reasoning tokens)', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const result = await google({ apiKey: API_KEY, fetch }).doGenerate(call());
    expect(requests[0]?.headers['x-goog-api-key']).toBe(API_KEY);
    expect(result).toMatchInlineSnapshot(`
      {
        "choices": [
          {
            "finishReason": {
              "raw": "STOP",
              "unified": "stop",
            },
            "index": 0,
            "text": "Bonjour !",
            "toolCalls": [],
          },
        ],
        "response": {
          "id": "kD8pafTfMtrdz7IPzeWOyAU",
          "model": "gemini-2.5-flash",
        },
        "usage": {
          "completion_tokens": 27,
          "completion_tokens_details": {
            "reasoning_tokens": 24,
          },
          "prompt_tokens": 13,
          "total_tokens": 40,
        },
        "warnings": [],
      }
    `);
  });

  it('numbers tool calls call_0, call_1 … and keeps the thought signature as a reasoning detail', async () => {
    const { fetch } = fixtureFetch({ body: parallelToolCallsBody });
    const result = await google({ apiKey: API_KEY, fetch }).doGenerate(call({ tools }));
    expect(result.choices).toMatchInlineSnapshot(`
      [
        {
          "finishReason": {
            "raw": "STOP",
            "unified": "tool_calls",
          },
          "index": 0,
          "reasoningDetails": [
            {
              "data": "CiQB0e2Kb2SFr4WJlhE7ecrqDuwwm+OpYMwSrBTxkWcEMmBkmmMKYgHR7Ypvz9EQ2p7PHMsqHU3gLsKVtAfaWkbrgydMd1LaKVb9xyeGnyTcdSgtu+ymtzm0P3iFYV0ZMAo7A7z1I2VKSVC/yAPTxAcQ3d0x7Ny3xJmkTwYBrWfuMkmxH1U7fRBBTqrtCkkB0e2Kb1q3E3NSFpyXCqmE5j6QEY0=",
              "provider": "google",
              "type": "reasoning.encrypted",
            },
          ],
          "text": null,
          "toolCalls": [
            {
              "arguments": "{"city":"Paris"}",
              "id": "call_0",
              "name": "get_weather",
            },
            {
              "arguments": "{"timezone":"Europe/Paris"}",
              "id": "call_1",
              "name": "get_time",
            },
          ],
        },
      ]
    `);
  });

  it('returns thought summaries as reasoning and signed parts as reasoning details', async () => {
    const { fetch } = fixtureFetch({ body: reasoningBody });
    const result = await google({ apiKey: API_KEY, fetch }).doGenerate(call({ reasoning_effort: 'low' }));
    expect(result.choices[0]?.reasoning).toContain('17 × 20 = 340');
    expect(result.choices[0]?.text).toBe('17 × 24 = **408**');
    expect(result.choices[0]?.reasoningDetails).toEqual([
      { type: 'reasoning.encrypted', data: expect.stringMatching(/^CrgCAdHt/), provider: 'google' },
    ]);
    expect(result.usage?.completion_tokens_details).toEqual({ reasoning_tokens: 218 });
  });

  it('maps logprobs and cached tokens', async () => {
    const { fetch, requests } = fixtureFetch({ body: logprobsBody });
    const result = await google({ apiKey: API_KEY, fetch }).doGenerate(
      call({ logprobs: true, top_logprobs: 1 }),
    );
    expect(requests[0]?.body).toMatchObject({ generationConfig: { responseLogprobs: true, logprobs: 1 } });
    expect(result.choices[0]?.logprobs?.content?.[0]).toEqual({
      token: 'Bon',
      logprob: -0.0102,
      bytes: [66, 111, 110],
      top_logprobs: [
        { token: 'Bon', logprob: -0.0102, bytes: [66, 111, 110] },
        { token: 'Sal', logprob: -4.7093, bytes: [83, 97, 108] },
      ],
    });
    expect(result.usage).toEqual({
      prompt_tokens: 13,
      completion_tokens: 2,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 8 },
    });
  });

  it('maps a SAFETY stop to content_filter and a blocked prompt to an empty content_filter choice', async () => {
    const safety = await google({
      apiKey: API_KEY,
      fetch: fixtureFetch({ body: safetyBody }).fetch,
    }).doGenerate(call());
    expect(safety.choices[0]).toMatchObject({
      text: null,
      finishReason: { unified: 'content_filter', raw: 'SAFETY' },
    });
    const blocked = await google({
      apiKey: API_KEY,
      fetch: fixtureFetch({ body: promptBlockedBody }).fetch,
    }).doGenerate(call());
    expect(blocked.choices).toEqual([
      {
        index: 0,
        text: null,
        toolCalls: [],
        finishReason: { unified: 'content_filter', raw: 'PROHIBITED_CONTENT' },
      },
    ]);
    expect(blocked.warnings).toEqual([
      {
        type: 'other',
        message: 'Gemini blocked the prompt (PROHIBITED_CONTENT); no candidate was generated.',
      },
    ]);
    expect(blocked.usage?.prompt_tokens).toBe(9);
  });

  it('returns conversion warnings with the result', async () => {
    const { fetch } = fixtureFetch({ body: textBody });
    const result = await google({ apiKey: API_KEY, fetch }).doGenerate(call({ logit_bias: { '1': 1 } }));
    expect(result.warnings.map((w) => w.setting)).toEqual(['logit_bias']);
  });

  it("sends the call's headers, and uses the gateway's fetch when created without one", async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await google({ apiKey: API_KEY, headers: { 'x-team': 'ai' } }).doGenerate(
      call({}, { fetch, headers: { 'x-trace': 't-1' } }),
    );
    expect(requests[0]?.headers).toMatchObject({
      'x-team': 'ai',
      'x-trace': 't-1',
      'x-goog-api-key': API_KEY,
    });
    expect(requests[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
  });

  it('honours baseURL and apiVersion', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await google({
      apiKey: API_KEY,
      fetch,
      baseURL: 'https://proxy.example.com/gemini/',
      apiVersion: 'v1',
    }).doGenerate(call());
    expect(requests[0]?.url).toBe(
      'https://proxy.example.com/gemini/v1/models/gemini-2.5-flash:generateContent',
    );
  });
});

describe('google() doStream', () => {
  const types = (parts: Array<StreamPart>) => parts.map((part) => part.type);

  it('streams text deltas and ends with one usage part (Gemini repeats usage on every chunk)', async () => {
    const { fetch, requests } = fixtureFetch({ body: textStream, chunkSizes: [1] });
    const { stream } = await google({ apiKey: API_KEY, fetch }).doStream(call());
    const parts = await readAll(stream);
    expect(requests[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "id": "lT8pabPFBsy_z7IPrr-SsAo",
          "model": "gemini-2.5-flash",
          "type": "response-metadata",
        },
        {
          "delta": "Bonjour",
          "type": "text-delta",
        },
        {
          "delta": " ! Comment ça va ?",
          "type": "text-delta",
        },
        {
          "delta": " 😊",
          "type": "text-delta",
        },
        {
          "reason": {
            "raw": "STOP",
            "unified": "stop",
          },
          "type": "finish",
        },
        {
          "type": "usage",
          "usage": {
            "completion_tokens": 40,
            "completion_tokens_details": {
              "reasoning_tokens": 31,
            },
            "prompt_tokens": 13,
            "total_tokens": 53,
          },
        },
      ]
    `);
  });

  it('streams parallel calls with the same ids as the complete response', async () => {
    const streamed = await readAll(
      (
        await google({
          apiKey: API_KEY,
          fetch: fixtureFetch({ body: parallelToolCallsStream }).fetch,
        }).doStream(call({ tools }))
      ).stream,
    );
    const complete = await google({
      apiKey: API_KEY,
      fetch: fixtureFetch({ body: parallelToolCallsBody }).fetch,
    }).doGenerate(call({ tools }));
    const starts = streamed.flatMap((part) =>
      part.type === 'tool-call-start' ? [[part.index, part.id, part.name]] : [],
    );
    expect(starts).toEqual([
      [0, 'call_0', 'get_weather'],
      [1, 'call_1', 'get_time'],
    ]);
    expect(complete.choices[0]?.toolCalls.map((tc) => tc.id)).toEqual(['call_0', 'call_1']);
    expect(types(streamed)).toEqual([
      'response-metadata',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'reasoning-details',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'finish',
      'usage',
    ]);
    expect(streamed.find((part) => part.type === 'finish')).toEqual({
      type: 'finish',
      reason: { unified: 'tool_calls', raw: 'STOP' },
    });
  });

  it('streams thoughts as reasoning deltas and the final signature as a reasoning detail', async () => {
    const { fetch } = fixtureFetch({ body: reasoningStream, chunkSizes: [5, 17] });
    const parts = await readAll(
      (await google({ apiKey: API_KEY, fetch }).doStream(call({ reasoning_effort: 'low' }))).stream,
    );
    expect(types(parts)).toEqual([
      'response-metadata',
      'reasoning-delta',
      'reasoning-delta',
      'text-delta',
      'reasoning-details',
      'finish',
      'usage',
    ]);
    const reasoning = parts.map((part) => (part.type === 'reasoning-delta' ? part.delta : '')).join('');
    expect(reasoning).toContain('so the product is 408');
    expect(parts.at(-1)).toEqual({
      type: 'usage',
      usage: {
        prompt_tokens: 12,
        completion_tokens: 229,
        total_tokens: 241,
        completion_tokens_details: { reasoning_tokens: 218 },
      },
    });
  });
});

describe('google() doEmbed and listModels', () => {
  it('embeds a batch in one batchEmbedContents call', async () => {
    const { fetch, requests } = fixtureFetch({ body: embeddingsBody });
    const result = await google({ apiKey: API_KEY, fetch }).doEmbed?.({
      modelId: 'gemini-embedding-001',
      request: { input: ['Bonjour', 'Hello'], dimensions: 4, user: 'u-1' },
      signal: new AbortController().signal,
      headers: {},
    });
    expect(requests[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents',
    );
    expect(requests[0]?.body).toMatchInlineSnapshot(`
      {
        "requests": [
          {
            "content": {
              "parts": [
                {
                  "text": "Bonjour",
                },
              ],
              "role": "user",
            },
            "model": "models/gemini-embedding-001",
            "outputDimensionality": 4,
          },
          {
            "content": {
              "parts": [
                {
                  "text": "Hello",
                },
              ],
              "role": "user",
            },
            "model": "models/gemini-embedding-001",
            "outputDimensionality": 4,
          },
        ],
      }
    `);
    expect(result).toMatchInlineSnapshot(`
      {
        "embeddings": [
          [
            0.0213486,
            -0.0089123,
            -0.0587231,
            0.0101927,
          ],
          [
            -0.0094513,
            0.0307126,
            -0.0423008,
            -0.0055342,
          ],
        ],
        "model": "gemini-embedding-001",
        "warnings": [
          {
            "message": "Gemini has no end-user id; user was not sent.",
            "setting": "user",
            "type": "unsupported-setting",
          },
        ],
      }
    `);
  });

  it('rejects token-id inputs before any request', async () => {
    const { fetch, requests } = fixtureFetch({ body: embeddingsBody });
    const embed = google({ apiKey: API_KEY, fetch }).doEmbed?.({
      modelId: 'gemini-embedding-001',
      request: { input: [[1, 2, 3]] },
      signal: new AbortController().signal,
      headers: {},
    });
    await expect(embed).rejects.toMatchObject({ status: 400 });
    expect(requests).toHaveLength(0);
  });

  it('lists models across pages, without the models/ prefix', async () => {
    const { fetch, requests } = fixtureFetch({ body: modelsPage1 }, { body: modelsPage2 });
    const models = await google({ apiKey: API_KEY, fetch }).listModels?.();
    expect(models).toEqual([
      { id: 'gemini-2.5-flash', ownedBy: 'google' },
      { id: 'gemini-2.5-pro', ownedBy: 'google' },
      { id: 'gemini-embedding-001', ownedBy: 'google' },
    ]);
    expect(requests.map((request) => request.url)).toEqual([
      'https://generativelanguage.googleapis.com/v1beta/models',
      'https://generativelanguage.googleapis.com/v1beta/models?pageToken=Ch5tb2RlbHMvZ2VtaW5pLTIuNS1wcm8%3D',
    ]);
  });
});
