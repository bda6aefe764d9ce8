import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import jsonSchemaBody from './__fixtures__/chat-json-schema.json?raw';
import logprobsStream from './__fixtures__/chat-logprobs.sse.txt?raw';
import toolCallsBody from './__fixtures__/chat-parallel-tool-calls.json?raw';
import toolCallsStream from './__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import reasoningBody from './__fixtures__/chat-reasoning-usage.json?raw';
import refusalBody from './__fixtures__/chat-refusal.json?raw';
import textBody from './__fixtures__/chat-text.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import embeddingsBody from './__fixtures__/embeddings-base64.json?raw';
import modelsBody from './__fixtures__/models.json?raw';
import { openai } from './openai-provider.js';

const API_KEY = 'sk-test-canary-4f2b';

const call = (
  request: Partial<ProviderRequest> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'gpt-4o-mini',
  request: {
    model: 'openai-primary/gpt-4o-mini',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
  ...overrides,
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a location.',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['location', 'unit'],
      additionalProperties: false,
    },
    strict: true,
  },
} as const;

describe('openai() doGenerate', () => {
  it('sends the request body to /chat/completions and maps a text completion', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = openai({ apiKey: API_KEY, fetch });

    const result = await adapter.doGenerate(call({ temperature: 0.3, max_completion_tokens: 64, seed: 7 }));

    expect(requests[0]?.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]?.body).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 64,
        "messages": [
          {
            "content": "Say hello in French.",
            "role": "user",
          },
        ],
        "model": "gpt-4o-mini",
        "seed": 7,
        "temperature": 0.3,
      }
    `);
    expect(result).toMatchInlineSnapshot(`
      {
        "choices": [
          {
            "finishReason": {
              "raw": "stop",
              "unified": "stop",
            },
            "index": 0,
            "refusal": null,
            "text": "Bonjour ! Ravi de vous rencontrer — que puis-je faire pour vous ?",
            "toolCalls": [],
          },
        ],
        "response": {
          "created": 1749563481,
          "id": "chatcmpl-BgH4bQx9TfTkq2mZ7nV1sR8aLw3Yc",
          "model": "gpt-4o-mini-2024-07-18",
          "systemFingerprint": "fp_34a54ae93c",
        },
        "usage": {
          "completion_tokens": 17,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 13,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 30,
        },
        "warnings": [],
      }
    `);
  });

  it('maps parallel tool calls', async () => {
    const { fetch, requests } = fixtureFetch({ body: toolCallsBody });
    const adapter = openai({ apiKey: API_KEY, fetch });

    const result = await adapter.doGenerate(
      call({
        messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
        tools: [weatherTool],
        tool_choice: 'auto',
        parallel_tool_calls: true,
      }),
    );

    expect(requests[0]?.body).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Weather in Paris and Tokyo?",
            "role": "user",
          },
        ],
        "model": "gpt-4o-mini",
        "parallel_tool_calls": true,
        "tool_choice": "auto",
        "tools": [
          {
            "function": {
              "description": "Current weather for a location.",
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "location": {
                    "type": "string",
                  },
                  "unit": {
                    "enum": [
                      "celsius",
                      "fahrenheit",
                    ],
                    "type": "string",
                  },
                },
                "required": [
                  "location",
                  "unit",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(result.choices).toMatchInlineSnapshot(`
      [
        {
          "finishReason": {
            "raw": "tool_calls",
            "unified": "tool_calls",
          },
          "index": 0,
          "refusal": null,
          "text": null,
          "toolCalls": [
            {
              "arguments": "{"location":"Paris, France","unit":"celsius"}",
              "id": "call_Qz8vN3kLm2XyR7tB1wJc5HdF",
              "name": "get_weather",
            },
            {
              "arguments": "{"location":"Tokyo, Japan","unit":"celsius"}",
              "id": "call_W4pT9sKa6ZrE2gYn0QxVu8Lm",
              "name": "get_weather",
            },
          ],
        },
      ]
    `);
  });

  it('sends response_format json_schema unchanged and returns the JSON text', async () => {
    const { fetch, requests } = fixtureFetch({ body: jsonSchemaBody });
    const adapter = openai({ apiKey: API_KEY, fetch });
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        date: { type: 'string' },
        participants: { type: 'array', items: { type: 'string' } },
      },
      required: ['name', 'date', 'participants'],
      additionalProperties: false,
    };

    const result = await adapter.doGenerate(
      call({
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'calendar_event', schema, strict: true },
        },
      }),
    );

    expect(requests[0]?.body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'calendar_event', schema, strict: true } },
    });
    expect(JSON.parse(result.choices[0]?.text ?? '')).toEqual({
      name: 'Quarterly planning',
      date: '2025-07-03',
      participants: ['Ana', 'Kenji'],
    });
    expect(result.warnings).toEqual([]);
  });

  it('keeps cached and reasoning token counts of a reasoning model', async () => {
    const { fetch, requests } = fixtureFetch({ body: reasoningBody });
    const adapter = openai({ apiKey: API_KEY, fetch });

    const result = await adapter.doGenerate(call({ reasoning_effort: 'high' }, { modelId: 'o4-mini' }));

    expect(requests[0]?.body).toMatchObject({ model: 'o4-mini', reasoning_effort: 'high' });
    expect(result.usage).toEqual({
      prompt_tokens: 1289,
      completion_tokens: 523,
      total_tokens: 1812,
      prompt_tokens_details: { cached_tokens: 1152, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 448,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    });
    // `system_fingerprint: null` on the wire is simply absent.
    expect(result.response).toEqual({
      id: 'chatcmpl-BgHAt7Yx2Lp9Qw4Zk1Vr6Nc3Mb8Ef',
      created: 1749563801,
      model: 'o4-mini-2025-04-16',
    });
  });

  it('returns a refusal', async () => {
    const { fetch } = fixtureFetch({ body: refusalBody });
    const result = await openai({ apiKey: API_KEY, fetch }).doGenerate(call());

    expect(result.choices[0]).toMatchObject({
      text: null,
      refusal: "I'm sorry, I can't help with that request.",
      finishReason: { unified: 'stop', raw: 'stop' },
    });
  });

  it('passes per-call headers and organization/project headers to the SDK', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = openai({
      apiKey: API_KEY,
      fetch,
      organization: 'org-1',
      project: 'proj-1',
      headers: { 'x-team': 'a' },
    });

    await adapter.doGenerate(call({}, { headers: { 'x-trace-id': 't-1' } }));

    expect(requests[0]?.headers).toMatchObject({
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'x-team': 'a',
      'x-trace-id': 't-1',
    });
  });

  it('does not send reasoning_content back to OpenAI, and says so', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const result = await openai({ apiKey: API_KEY, fetch }).doGenerate(
      call({
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!', reasoning_content: 'Greet back.' },
          { role: 'user', content: 'Say hello in French.' },
        ],
      }),
    );

    expect(requests[0]?.body).toMatchObject({
      messages: [{ role: 'user' }, { role: 'assistant', content: 'Hello!' }, { role: 'user' }],
    });
    expect(JSON.stringify(requests[0]?.body)).not.toContain('reasoning_content');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'messages[].reasoning_content' }),
    ]);
  });
});

describe('openai() doStream', () => {
  it('asks for the usage chunk and maps a text stream, split at arbitrary byte boundaries', async () => {
    const { fetch, requests } = fixtureFetch({ body: textStream, chunkSizes: [1, 7, 3, 64, 2, 19] });
    const adapter = openai({ apiKey: API_KEY, fetch });

    const { stream, warnings } = await adapter.doStream(
      call({ stream_options: { include_obfuscation: false } }),
    );
    const parts = await readAll(stream);

    expect(requests[0]?.body).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Say hello in French.",
            "role": "user",
          },
        ],
        "model": "gpt-4o-mini",
        "stream": true,
        "stream_options": {
          "include_obfuscation": false,
          "include_usage": true,
        },
      }
    `);
    expect(warnings).toEqual([]);
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "created": 1749563530,
          "id": "chatcmpl-BgH5Kd2uYpQm8rTz3wXo6nE1vJa4F",
          "model": "gpt-4o-mini-2024-07-18",
          "systemFingerprint": "fp_34a54ae93c",
          "type": "response-metadata",
        },
        {
          "delta": "Bonjour",
          "type": "text-delta",
        },
        {
          "delta": " !",
          "type": "text-delta",
        },
        {
          "delta": " Ravi",
          "type": "text-delta",
        },
        {
          "delta": " de",
          "type": "text-delta",
        },
        {
          "delta": " vous",
          "type": "text-delta",
        },
        {
          "delta": " rencontrer",
          "type": "text-delta",
        },
        {
          "delta": " —",
          "type": "text-delta",
        },
        {
          "delta": " que",
          "type": "text-delta",
        },
        {
          "delta": " puis",
          "type": "text-delta",
        },
        {
          "delta": "-je",
          "type": "text-delta",
        },
        {
          "delta": " faire",
          "type": "text-delta",
        },
        {
          "delta": " pour",
          "type": "text-delta",
        },
        {
          "delta": " vous",
          "type": "text-delta",
        },
        {
          "delta": " ?",
          "type": "text-delta",
        },
        {
          "reason": {
            "raw": "stop",
            "unified": "stop",
          },
          "type": "finish",
        },
        {
          "type": "usage",
          "usage": {
            "completion_tokens": 17,
            "completion_tokens_details": {
              "accepted_prediction_tokens": 0,
              "audio_tokens": 0,
              "reasoning_tokens": 0,
              "rejected_prediction_tokens": 0,
            },
            "prompt_tokens": 13,
            "prompt_tokens_details": {
              "audio_tokens": 0,
              "cached_tokens": 0,
            },
            "total_tokens": 30,
          },
        },
      ]
    `);
  });

  it('maps streamed parallel tool calls to start / delta / end parts', async () => {
    const { fetch } = fixtureFetch({ body: toolCallsStream, chunkSizes: [5, 11, 2] });
    const adapter = openai({ apiKey: API_KEY, fetch });

    const { stream } = await adapter.doStream(call({ tools: [weatherTool], parallel_tool_calls: true }));
    const parts = await readAll(stream);

    const starts = parts.filter((part) => part.type === 'tool-call-start');
    expect(starts).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_Hn4xQ8vZ1pRt6YkW3sLm9bJc', name: 'get_weather' },
      { type: 'tool-call-start', index: 1, id: 'call_Ta7Ke2Vy5Nq0Xw8Rc3Ls1Zp6', name: 'get_weather' },
    ]);
    const argumentsOf = (index: number) =>
      parts
        .map((part) => (part.type === 'tool-call-delta' && part.index === index ? part.argumentsDelta : ''))
        .join('');
    expect(JSON.parse(argumentsOf(0))).toEqual({ location: 'Paris, France', unit: 'celsius' });
    expect(JSON.parse(argumentsOf(1))).toEqual({ location: 'Tokyo, Japan', unit: 'celsius' });
    expect(parts.slice(-4)).toEqual([
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_calls' } },
      {
        type: 'usage',
        usage: expect.objectContaining({ prompt_tokens: 82, completion_tokens: 58, total_tokens: 140 }),
      },
    ]);
    // Every argument fragment arrives after its call started and before it ended.
    const order = parts.map((part) => ('index' in part ? `${part.type}:${part.index}` : part.type));
    expect(order.indexOf('tool-call-start:1')).toBeGreaterThan(order.lastIndexOf('tool-call-delta:0'));
    expect(order.lastIndexOf('tool-call-delta:1')).toBeLessThan(order.indexOf('tool-call-end:1'));
  });

  it('emits logprobs parts', async () => {
    const { fetch } = fixtureFetch({ body: logprobsStream });
    const { stream } = await openai({ apiKey: API_KEY, fetch }).doStream(
      call({ logprobs: true, top_logprobs: 2 }),
    );
    const parts = await readAll(stream);

    expect(parts.filter((part) => part.type === 'logprobs')).toMatchInlineSnapshot(`
      [
        {
          "logprobs": {
            "content": [
              {
                "bytes": [
                  72,
                  105,
                ],
                "logprob": -0.0031854,
                "token": "Hi",
                "top_logprobs": [
                  {
                    "bytes": [
                      72,
                      105,
                    ],
                    "logprob": -0.0031854,
                    "token": "Hi",
                  },
                  {
                    "bytes": [
                      72,
                      101,
                      108,
                      108,
                      111,
                    ],
                    "logprob": -5.7531853,
                    "token": "Hello",
                  },
                ],
              },
            ],
            "refusal": null,
          },
          "type": "logprobs",
        },
        {
          "logprobs": {
            "content": [
              {
                "bytes": [
                  33,
                ],
                "logprob": -0.00012,
                "token": "!",
                "top_logprobs": [
                  {
                    "bytes": [
                      33,
                    ],
                    "logprob": -0.00012,
                    "token": "!",
                  },
                  {
                    "bytes": [
                      46,
                    ],
                    "logprob": -9.25012,
                    "token": ".",
                  },
                ],
              },
            ],
            "refusal": null,
          },
          "type": "logprobs",
        },
      ]
    `);
  });
});

describe('openai() embeddings and models', () => {
  it('embeds through /embeddings (base64 on the wire, numbers out)', async () => {
    const { fetch, requests } = fixtureFetch({ body: embeddingsBody });
    const adapter = openai({ apiKey: API_KEY, fetch });

    const result = await adapter.doEmbed?.({
      modelId: 'text-embedding-3-small',
      request: { input: ['first', 'second'], dimensions: 4 },
      signal: new AbortController().signal,
      headers: {},
    });

    expect(requests[0]?.url).toBe('https://api.openai.com/v1/embeddings');
    expect(requests[0]?.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['first', 'second'],
      dimensions: 4,
      encoding_format: 'base64',
    });
    expect(result?.model).toBe('text-embedding-3-small');
    expect(result?.usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
    expect(result?.embeddings).toHaveLength(2);
    const expected = [
      [0.0023064255, -0.009327292, 0.015797347, -0.0077780345],
      [-0.012043469, 0.0045417445, 0.0308461, 0.0014952458],
    ];
    result?.embeddings.forEach((vector, i) => {
      vector.forEach((value, j) => {
        expect(value).toBeCloseTo(expected[i]?.[j] ?? Number.NaN, 6);
      });
    });
  });

  it('lists models', async () => {
    const { fetch, requests } = fixtureFetch({ body: modelsBody });
    const models = await openai({ apiKey: API_KEY, fetch }).listModels?.();

    expect(requests[0]?.url).toBe('https://api.openai.com/v1/models');
    expect(models).toEqual([
      { id: 'gpt-4o-mini', ownedBy: 'system', created: 1721172741 },
      { id: 'o4-mini', ownedBy: 'system', created: 1744225351 },
      { id: 'text-embedding-3-small', ownedBy: 'system', created: 1705948997 },
    ]);
  });

  it('declares its capabilities', () => {
    const adapter = openai({ apiKey: API_KEY });
    expect(adapter.provider).toBe('openai');
    expect(adapter.specificationVersion).toBe('v1');
    expect(adapter.capabilities).toEqual({
      tools: true,
      parallelToolCalls: true,
      streaming: true,
      jsonSchema: true,
      reasoning: true,
      embeddings: true,
      images: true,
    });
  });
});
