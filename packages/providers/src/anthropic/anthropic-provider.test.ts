import type { ProviderCall, ProviderRequest, StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import parallelToolsStream from './__fixtures__/messages-parallel-tool-use.sse.txt?raw';
import textBody from './__fixtures__/messages-text.json?raw';
import textStream from './__fixtures__/messages-text.sse.txt?raw';
import thinkingToolBody from './__fixtures__/messages-thinking-redacted-tool-use.json?raw';
import thinkingToolStream from './__fixtures__/messages-thinking-tool-use.sse.txt?raw';
import toolUseBody from './__fixtures__/messages-tool-use.json?raw';
import modelsBody from './__fixtures__/models.json?raw';
import { anthropic } from './anthropic-provider.js';

const API_KEY = 'sk-ant-test-canary-7c1e';
const sse = { 'content-type': 'text/event-stream; charset=utf-8' };

const call = (
  request: Partial<ProviderRequest> = {},
  overrides: Partial<ProviderCall> = {},
): ProviderCall => ({
  modelId: 'claude-sonnet-4-6',
  request: {
    model: 'anthropic-primary/claude-sonnet-4-6',
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
    description: 'Current weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
} as const;

// A tool without arguments: Anthropic streams no input fragment for its calls.
const localTimeTool = { type: 'function', function: { name: 'get_local_time' } } as const;

/** The signature of the first thinking block of a non-streaming fixture. */
const firstSignature = (fixture: string): string => {
  const body: unknown = JSON.parse(fixture);
  const signature = (body as { content: Array<{ signature?: string }> }).content[0]?.signature;
  if (signature === undefined) throw new Error('fixture has no signature');
  return signature;
};

describe('anthropic() doGenerate', () => {
  it('posts to /v1/messages with the API key, version and per-call headers, and maps a text message', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = anthropic({ apiKey: API_KEY, fetch, headers: { 'x-team': 'ai-platform' } });

    const result = await adapter.doGenerate(
      call({ max_completion_tokens: 64 }, { headers: { 'x-trace': 'trace-1' } }),
    );

    const request = requests[0];
    expect(request?.url).toBe('https://api.anthropic.com/v1/messages');
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'anthropic-version': '2026-10-21',
      'x-team': 'ai-platform',
      'x-trace': 'trace-1',
      // The gateway owns retries.
      'x-stainless-retry-count': '0',
    });
    expect(request?.body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello in French.' }] }],
      stream: false,
    });
    expect(result).toMatchInlineSnapshot(`
      {
        "choices": [
          {
            "finishReason": {
              "raw": "end_turn",
              "unified": "stop",
            },
            "index": 0,
            "refusal": null,
            "text": "Bonjour !",
            "toolCalls": [],
          },
        ],
        "response": {
          "id": "msg_011CfT7yQm2LdV9kXw3RbN5p",
          "model": "claude-sonnet-4-6",
        },
        "usage": {
          "completion_tokens": 6,
          "prompt_tokens": 19,
          "prompt_tokens_details": {
            "cached_tokens": 0,
          },
          "total_tokens": 25,
        },
        "warnings": [],
      }
    `);
  });

  it('sends no credential when it has no API key', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    await anthropic({ fetch, baseURL: 'http://proxy.internal' }).doGenerate(call());

    expect(requests[0]?.url).toBe('http://proxy.internal/v1/messages');
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('maps a tool call', async () => {
    const { fetch, requests } = fixtureFetch({ body: toolUseBody });
    const result = await anthropic({ apiKey: API_KEY, fetch }).doGenerate(
      call({ tools: [weatherTool], parallel_tool_calls: false }),
    );

    expect(requests[0]?.body).toMatchObject({
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    });
    expect(result.choices[0]).toMatchObject({
      text: "I'll check the current weather in Paris.",
      toolCalls: [
        { id: 'toolu_01Q8sVn3KpZ7xYwR4tLm2BcD', name: 'get_weather', arguments: '{"city":"Paris"}' },
      ],
      finishReason: { unified: 'tool_calls', raw: 'tool_use' },
    });
  });

  it('returns thinking as reasoning and signed / redacted blocks as reasoning details, with cache and thinking usage', async () => {
    const { fetch, requests } = fixtureFetch({ body: thinkingToolBody });
    const result = await anthropic({ apiKey: API_KEY, fetch }).doGenerate(
      call({ tools: [weatherTool], reasoning_effort: 'medium' }),
    );

    // No max tokens in the request: the default answer allowance (4096) plus the medium budget.
    expect(requests[0]?.body).toMatchObject({
      max_tokens: 4096 + 4096,
      thinking: { type: 'enabled', budget_tokens: 4096 },
    });
    const body: unknown = JSON.parse(thinkingToolBody);
    const [thinking, redacted] = (body as { content: Array<Record<string, string>> }).content;
    const [choice] = result.choices;
    expect(choice?.reasoning).toBe('The user wants the weather in Paris; I should call get_weather.');
    expect(choice?.reasoningDetails).toEqual([
      {
        type: 'reasoning.text',
        text: thinking?.thinking,
        signature: thinking?.signature,
        provider: 'anthropic',
      },
      { type: 'reasoning.encrypted', data: redacted?.data, provider: 'anthropic' },
    ]);
    expect(choice?.text).toBeNull();
    expect(result.usage).toEqual({
      prompt_tokens: 37 + 2048 + 512,
      completion_tokens: 118,
      total_tokens: 37 + 2048 + 512 + 118,
      prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 512 },
      completion_tokens_details: { reasoning_tokens: 74 },
    });
  });

  it('sends reasoning details of earlier turns back as thinking blocks, before text and tool calls', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const signature = firstSignature(thinkingToolBody);
    const result = await anthropic({ apiKey: API_KEY, fetch }).doGenerate(
      call({
        reasoning_effort: 'low',
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'What is the weather in Paris?' },
          {
            role: 'assistant',
            content: null,
            reasoning_content: 'I should call get_weather.',
            reasoning_details: [
              {
                type: 'reasoning.text',
                text: 'I should call get_weather.',
                signature,
                provider: 'anthropic',
              },
              { type: 'reasoning.encrypted', data: 'EmwKAhgBEgy3va3pzix', provider: 'anthropic' },
              { type: 'reasoning.encrypted', data: 'gAAAAABo-openai-blob', provider: 'openai' },
            ],
            tool_calls: [
              {
                id: 'toolu_01',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'toolu_01', content: '18 °C, clear' },
        ],
      }),
    );

    expect(requests[0]?.body).toMatchObject({
      messages: [
        { role: 'user' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'I should call get_weather.', signature },
            { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' },
            { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: '18 °C, clear' }],
        },
      ],
    });
    // The OpenAI blob is another provider's and is not sent; reasoning_content is covered by the details.
    expect(JSON.stringify(requests[0]?.body)).not.toContain('openai-blob');
    expect(result.warnings).toEqual([
      {
        type: 'other',
        setting: 'messages[].reasoning_details',
        message: 'Reasoning details from openai were not sent to Anthropic.',
      },
    ]);
  });

  it('warns when an assistant turn carries reasoning text without a signature', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const result = await anthropic({ apiKey: API_KEY, fetch }).doGenerate(
      call({
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!', reasoning_content: 'Greet back.' },
          { role: 'user', content: 'Say hello in French.' },
        ],
      }),
    );

    expect(requests[0]?.body).toMatchObject({
      messages: [
        { role: 'user' },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
        { role: 'user' },
      ],
    });
    expect(result.warnings.map((warning) => warning.setting)).toEqual(['messages[].reasoning_content']);
  });

  it('uses the gateway fetch of the call when it has no fetch of its own', async () => {
    const { fetch, requests } = fixtureFetch({ body: textBody });
    const adapter = anthropic({ apiKey: API_KEY });
    await adapter.doGenerate(call({}, { fetch }));
    await adapter.doGenerate(call({}, { fetch }));

    expect(requests).toHaveLength(2);
  });
});

describe('anthropic() doStream', () => {
  it('maps a text stream split at arbitrary byte boundaries, with one usage part at the end', async () => {
    const { fetch, requests } = fixtureFetch({
      body: textStream,
      headers: sse,
      chunkSizes: [1, 7, 3, 64, 2, 19],
    });
    const { stream, warnings } = await anthropic({ apiKey: API_KEY, fetch }).doStream(
      call({ stream_options: { include_usage: true } }),
    );
    const parts = await readAll(stream);

    expect(requests[0]?.body).toMatchObject({ stream: true, max_tokens: 4096 });
    expect(requests[0]?.body).not.toHaveProperty('stream_options');
    expect(warnings).toEqual([]);
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "id": "msg_011CfTB4Yq8Lm2Wz6NxRk3Pv",
          "model": "claude-sonnet-4-6",
          "type": "response-metadata",
        },
        {
          "delta": "Bon",
          "type": "text-delta",
        },
        {
          "delta": "jour !",
          "type": "text-delta",
        },
        {
          "delta": " Ça va ?",
          "type": "text-delta",
        },
        {
          "reason": {
            "raw": "end_turn",
            "unified": "stop",
          },
          "type": "finish",
        },
        {
          "type": "usage",
          "usage": {
            "completion_tokens": 12,
            "prompt_tokens": 19,
            "prompt_tokens_details": {
              "cached_tokens": 0,
            },
            "total_tokens": 31,
          },
        },
      ]
    `);
  });

  it('streams thinking, signatures, redacted thinking, text and tool calls with OpenAI tool indices', async () => {
    const { fetch, requests } = fixtureFetch({
      body: thinkingToolStream,
      headers: sse,
      chunkSizes: [5, 11, 2],
    });
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(
      call({ tools: [weatherTool, localTimeTool], reasoning_effort: 'high' }),
    );
    const parts: Array<StreamPart> = await readAll(stream);

    expect(requests[0]?.body).toMatchObject({
      max_tokens: 4096 + 8192,
      thinking: { type: 'enabled', budget_tokens: 8192 },
      tools: [
        { name: 'get_weather' },
        { name: 'get_local_time', input_schema: { type: 'object', properties: {} } },
      ],
    });

    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "id": "msg_011CfTCa7Wq3Lz9XnKm2Rv5P",
          "model": "claude-sonnet-4-6",
          "type": "response-metadata",
        },
        {
          "delta": "The user asks for the weather in Paris",
          "type": "reasoning-delta",
        },
        {
          "delta": " and the local time there.",
          "type": "reasoning-delta",
        },
        {
          "delta": " I'll call get_weather first.",
          "type": "reasoning-delta",
        },
        {
          "details": [
            {
              "provider": "anthropic",
              "signature": "GAbrpAIz3LgLSGobfOChEjsslspePAzu/AIKcvnE9HOKSSlUBubVyTfSnaZO53eOrV9DjRGX9+v2tYQUc7cgwk8qUdy3eKDRC8j5qzFzghdZ6NOuD60sFptUqp1RGf1RWGZr903mJhSw6rFhi+pqd9edCFMSz+QSSJ+dKkqdd4LN+HYhO4gTWYQm4cJGrPD1nAnEFfBuLzkHEElFJBHMRYY+9GH5mqzSLI+60q0xIzsTyXxYP9l5bggFBoygMkJ0FNFjXyCiNbcLv2kitkM1BEzFscd/raP1odFD8A==",
              "text": "The user asks for the weather in Paris and the local time there. I'll call get_weather first.",
              "type": "reasoning.text",
            },
          ],
          "type": "reasoning-details",
        },
        {
          "details": [
            {
              "data": "wZCWIOVCjoviMSAkosYO4ux4a5urbS31N2F/jgIFVIFaDHQH40PrIKSQF/XNxH7iJzU2x0ojhK3xYcMzOYqNZ4GSzWEXfyjye3EYQ/ZZEOjq8feFXYPTmmv0cR3/ZstTGh2OXOwSRkGUY7rF7Sys11VUV4Usegan",
              "provider": "anthropic",
              "type": "reasoning.encrypted",
            },
          ],
          "type": "reasoning-details",
        },
        {
          "delta": "Let me look that up.",
          "type": "text-delta",
        },
        {
          "id": "toolu_01Xb4Kq7WnL2Rz9PmVd3HcTs",
          "index": 0,
          "name": "get_weather",
          "type": "tool-call-start",
        },
        {
          "argumentsDelta": "{"city":"Par",
          "index": 0,
          "type": "tool-call-delta",
        },
        {
          "argumentsDelta": "is"}",
          "index": 0,
          "type": "tool-call-delta",
        },
        {
          "index": 0,
          "type": "tool-call-end",
        },
        {
          "id": "toolu_01Nm8Wq2XzK5Lv3RpTb9HdYc",
          "index": 1,
          "name": "get_local_time",
          "type": "tool-call-start",
        },
        {
          "argumentsDelta": "{}",
          "index": 1,
          "type": "tool-call-delta",
        },
        {
          "index": 1,
          "type": "tool-call-end",
        },
        {
          "reason": {
            "raw": "tool_use",
            "unified": "tool_calls",
          },
          "type": "finish",
        },
        {
          "type": "usage",
          "usage": {
            "completion_tokens": 152,
            "completion_tokens_details": {
              "reasoning_tokens": 38,
            },
            "prompt_tokens": 1577,
            "prompt_tokens_details": {
              "cached_tokens": 1536,
            },
            "total_tokens": 1729,
          },
        },
      ]
    `);
  });

  it('streams parallel tool calls with indices 0 and 1', async () => {
    const { fetch } = fixtureFetch({ body: parallelToolsStream, headers: sse, chunkSizes: [3] });
    const { stream } = await anthropic({ apiKey: API_KEY, fetch }).doStream(call({ tools: [weatherTool] }));
    const parts = await readAll(stream);

    const args = (index: number) =>
      parts
        .map((part) => (part.type === 'tool-call-delta' && part.index === index ? part.argumentsDelta : ''))
        .join('');
    expect(parts.filter((part) => part.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_01Lq3Wz8XnR5Kv2PmTb7YcHd', name: 'get_weather' },
      { type: 'tool-call-start', index: 1, id: 'toolu_01Rz6Nq2WmK8Xv4LpHb3TcYs', name: 'get_time' },
    ]);
    expect(JSON.parse(args(0))).toEqual({ city: 'Paris' });
    expect(JSON.parse(args(1))).toEqual({ timezone: 'Europe/Paris' });
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_use' } },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 694,
          completion_tokens: 81,
          total_tokens: 775,
          prompt_tokens_details: { cached_tokens: 0 },
        },
      },
    ]);
  });
});

describe('anthropic() listModels and capabilities', () => {
  it('lists models from /v1/models', async () => {
    const { fetch, requests } = fixtureFetch({ body: modelsBody });
    const models = await anthropic({ apiKey: API_KEY, fetch }).listModels();

    expect(requests[0]?.url).toBe('https://api.anthropic.com/v1/models');
    expect(requests[0]?.method).toBe('GET');
    expect(models).toEqual([
      { id: 'claude-sonnet-4-6', ownedBy: 'anthropic', created: Date.parse('2026-02-17T00:00:00Z') / 1000 },
      {
        id: 'claude-haiku-4-5-20251001',
        ownedBy: 'anthropic',
        created: Date.parse('2025-10-15T00:00:00Z') / 1000,
      },
    ]);
  });

  it('declares its capabilities: everything but embeddings', () => {
    const adapter = anthropic({ apiKey: API_KEY });
    expect(adapter.provider).toBe('anthropic');
    expect(adapter.specificationVersion).toBe('v1');
    expect(adapter.capabilities).toEqual({
      streaming: true,
      tools: true,
      parallelToolCalls: true,
      jsonSchema: true,
      reasoning: true,
      images: true,
      embeddings: false,
    });
    expect(adapter).not.toHaveProperty('doEmbed');
  });
});
