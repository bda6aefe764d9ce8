import { createGateway } from '@switchyard/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { isRecord, readArray } from '../shared/json-readers.js';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import toolCallBody from './__fixtures__/generate-content-tool-call.json?raw';
import toolResultsBody from './__fixtures__/generate-content-tool-results.json?raw';
import parallelToolCallsStream from './__fixtures__/stream-parallel-tool-calls.sse.txt?raw';
import { google } from './google-provider.js';

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

const setup = (...bodies: Array<string>) => {
  const { fetch, requests } = fixtureFetch(...bodies.map((body) => ({ body })));
  const gateway = createGateway({ providers: { google: google({ apiKey: 'k', fetch }) }, maxRetries: 0 });
  const client = new OpenAI({
    baseURL: 'http://switchyard.local/v1',
    apiKey: 'unused',
    fetch: gateway.fetch,
    maxRetries: 0,
  });
  return { client, requests };
};

/** The first part of the request's `model` turn: where the call and its signature go back. */
const signedPart = (body: unknown): unknown => {
  const contents = isRecord(body) ? (readArray(body, 'contents') ?? []) : [];
  const model = contents.find((content) => isRecord(content) && content.role === 'model');
  return isRecord(model) ? readArray(model, 'parts')?.[0] : undefined;
};

// Gemini 3 rejects a replayed function call without its thought signature, so the signature must survive
// the OpenAI client: out as `reasoning_details` on the message, back in on the next request.
describe('thought signatures through the openai client', () => {
  it('a complete response: the assistant message sent back as-is carries the signature to its call', async () => {
    const { client, requests } = setup(toolCallBody, toolResultsBody);
    const messages: Array<OpenAI.ChatCompletionMessageParam> = [
      { role: 'user', content: 'Weather in Paris?' },
    ];
    const first = await client.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages,
      tools: [weatherTool],
    });
    const message = first.choices[0]?.message;
    if (message === undefined) throw new Error('no message');
    expect(Reflect.get(message, 'reasoning_details')).toEqual([
      { type: 'reasoning.encrypted', data: expect.stringMatching(/^CikB0e2K/), provider: 'google' },
    ]);
    const callId = message.tool_calls?.[0]?.id ?? '';
    expect(callId).toBe('call_0');

    await client.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages: [
        ...messages,
        message,
        { role: 'tool', tool_call_id: callId, content: '{"temperature_c":18}' },
      ],
      tools: [weatherTool],
    });
    expect(signedPart(requests[1]?.body)).toEqual({
      functionCall: { id: 'call_0', name: 'get_weather', args: { city: 'Paris' } },
      thoughtSignature: expect.stringMatching(/^CikB0e2K/),
    });
  });

  it('a stream: the reasoning_details deltas, collected, carry the signature back', async () => {
    const { client, requests } = setup(parallelToolCallsStream, toolResultsBody);
    const stream = await client.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
      tools: [weatherTool],
      stream: true,
    });
    const details: Array<unknown> = [];
    const calls: Array<OpenAI.ChatCompletionMessageFunctionToolCall> = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      const chunkDetails: unknown = delta === undefined ? undefined : Reflect.get(delta, 'reasoning_details');
      if (Array.isArray(chunkDetails)) details.push(...chunkDetails);
      for (const call of delta?.tool_calls ?? []) {
        if (call.id !== undefined)
          calls.push({
            id: call.id,
            type: 'function',
            function: { name: call.function?.name ?? '', arguments: '' },
          });
        const current = calls[call.index];
        if (current !== undefined) current.function.arguments += call.function?.arguments ?? '';
      }
    }
    expect(details).toHaveLength(1);
    await client.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages: [
        { role: 'user', content: 'Weather and time in Paris?' },
        // The Switchyard extension field rides along like any other message field.
        Object.assign(
          { role: 'assistant' as const, content: null, tool_calls: calls },
          { reasoning_details: details },
        ),
        { role: 'tool', tool_call_id: 'call_0', content: '{"temperature_c":18}' },
        { role: 'tool', tool_call_id: 'call_1', content: '{"time":"14:05"}' },
      ],
      tools: [weatherTool],
    });
    expect(signedPart(requests[1]?.body)).toEqual({
      functionCall: { id: 'call_0', name: 'get_weather', args: { city: 'Paris' } },
      thoughtSignature: expect.stringMatching(/^CiQB0e2K/),
    });
  });
});
