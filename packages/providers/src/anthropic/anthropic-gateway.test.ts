import { type ChatMessage, createGateway, type ReasoningDetail } from '@switchyard/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import textBody from './__fixtures__/messages-text.json?raw';
import thinkingToolBody from './__fixtures__/messages-thinking-redacted-tool-use.json?raw';
import thinkingToolStream from './__fixtures__/messages-thinking-tool-use.sse.txt?raw';
import { anthropic } from './anthropic-provider.js';

// End to end through core: gateway → anthropic() → official SDK → Anthropic wire bytes.
const sse = { 'content-type': 'text/event-stream; charset=utf-8' };
const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
  { type: 'function' as const, function: { name: 'get_local_time' } },
];
const question: ChatMessage = { role: 'user', content: 'What is the weather and the local time in Paris?' };

describe('anthropic() behind createGateway: thinking survives the round trip', () => {
  it('returns reasoning_details on the completion and sends them back verbatim on the next turn', async () => {
    const { fetch, requests } = fixtureFetch({ body: thinkingToolBody }, { body: textBody });
    const gateway = createGateway({
      providers: { claude: anthropic({ apiKey: 'sk-ant-test', fetch }) },
      maxRetries: 0,
    });

    const first = await gateway.chat.completions.create({
      model: 'claude/claude-sonnet-4-6',
      messages: [question],
      tools,
      reasoning_effort: 'medium',
    });
    const message = first.choices[0]?.message;
    expect(message?.reasoning_content).toBe(
      'The user wants the weather in Paris; I should call get_weather.',
    );
    expect(message?.reasoning_details?.map((detail) => detail.type)).toEqual([
      'reasoning.text',
      'reasoning.encrypted',
    ]);

    // The client sends the assistant message back as it received it, with the tool result.
    const toolCall = message?.tool_calls?.[0];
    if (message === undefined || toolCall === undefined) throw new Error('expected a tool call');
    const second = await gateway.chat.completions.create({
      model: 'claude/claude-sonnet-4-6',
      messages: [question, message, { role: 'tool', tool_call_id: toolCall.id, content: '18 °C, clear' }],
      tools,
      reasoning_effort: 'medium',
    });

    const original: unknown = JSON.parse(thinkingToolBody);
    const [thinking, redacted, toolUse] = (original as { content: Array<Record<string, unknown>> }).content;
    expect(requests[1]?.body).toMatchObject({
      messages: [
        { role: 'user' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: thinking?.thinking, signature: thinking?.signature },
            { type: 'redacted_thinking', data: redacted?.data },
            { type: 'tool_use', id: toolUse?.id, name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse?.id }] },
      ],
    });
    // reasoning_content came back too, but the signed details carry it: nothing to warn about.
    expect(second.switchyard.warnings).toEqual([]);
  });

  it('streams reasoning_details and tool calls to the openai client over gateway.fetch', async () => {
    const { fetch } = fixtureFetch({ body: thinkingToolStream, headers: sse, chunkSizes: [7, 3] });
    const gateway = createGateway({
      providers: { claude: anthropic({ apiKey: 'sk-ant-test', fetch }) },
      maxRetries: 0,
    });
    const client = new OpenAI({
      baseURL: 'http://switchyard.local/v1',
      apiKey: 'unused',
      fetch: gateway.fetch,
      maxRetries: 0,
    });

    const stream = await client.chat.completions.create({
      model: 'claude/claude-sonnet-4-6',
      messages: [question],
      tools,
      reasoning_effort: 'high',
      stream: true,
      stream_options: { include_usage: true },
    });
    const details: Array<ReasoningDetail> = [];
    const reasoning: Array<string> = [];
    const calls = new Map<number, { name: string; args: string }>();
    const chunks: Array<OpenAI.ChatCompletionChunk> = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      const delta = chunk.choices[0]?.delta;
      if (delta === undefined) continue;
      // Switchyard's documented extensions of OpenAI's delta.
      const streamed: unknown = Reflect.get(delta, 'reasoning_details');
      const text: unknown = Reflect.get(delta, 'reasoning_content');
      if (Array.isArray(streamed)) details.push(...streamed);
      if (typeof text === 'string') reasoning.push(text);
      for (const call of delta.tool_calls ?? []) {
        const entry = calls.get(call.index) ?? { name: '', args: '' };
        entry.name += call.function?.name ?? '';
        entry.args += call.function?.arguments ?? '';
        calls.set(call.index, entry);
      }
    }

    expect(reasoning.join('')).toBe(
      "The user asks for the weather in Paris and the local time there. I'll call get_weather first.",
    );
    expect(details).toEqual([
      expect.objectContaining({
        type: 'reasoning.text',
        signature: expect.any(String),
        provider: 'anthropic',
      }),
      expect.objectContaining({
        type: 'reasoning.encrypted',
        data: expect.any(String),
        provider: 'anthropic',
      }),
    ]);
    expect([...calls.entries()]).toEqual([
      [0, { name: 'get_weather', args: '{"city":"Paris"}' }],
      [1, { name: 'get_local_time', args: '{}' }],
    ]);
    expect(chunks.filter((chunk) => chunk.usage != null)).toHaveLength(1);
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 1577,
      prompt_tokens_details: { cached_tokens: 1536 },
      completion_tokens_details: { reasoning_tokens: 38 },
    });
  });
});
