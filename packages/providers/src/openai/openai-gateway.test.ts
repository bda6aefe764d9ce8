import { createGateway, RateLimitError } from '@switchyard/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import toolCallsStream from './__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import reasoningBody from './__fixtures__/chat-reasoning-usage.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import { openai } from './openai-provider.js';

// End to end through core: gateway → openai() → official SDK → recorded OpenAI wire bytes.
const gatewayFor = (fetch: ReturnType<typeof fixtureFetch>['fetch']) =>
  createGateway({ providers: { 'openai-primary': openai({ apiKey: 'sk-test', fetch }) }, maxRetries: 0 });

const hello = [{ role: 'user' as const, content: 'Say hello in French.' }];

describe('openai() behind createGateway', () => {
  it('returns an OpenAI completion with cached and reasoning usage', async () => {
    const { fetch, requests } = fixtureFetch({ body: reasoningBody });
    const gateway = gatewayFor(fetch);

    const completion = await gateway.chat.completions.create({
      model: 'openai-primary/o4-mini',
      messages: hello,
    });

    expect(requests[0]?.body).toMatchObject({ model: 'o4-mini' });
    expect(completion.choices[0]?.message.content).toBe('The integral evaluates to 2/3.');
    expect(completion.usage).toMatchObject({
      prompt_tokens_details: { cached_tokens: 1152 },
      completion_tokens_details: { reasoning_tokens: 448 },
    });
    expect(completion.switchyard).toMatchObject({ provider: 'openai-primary', model: 'o4-mini' });
  });

  it("uses the gateway's fetch when the adapter was given none, and its own fetch otherwise", async () => {
    const gatewayWide = fixtureFetch({ body: reasoningBody }, { body: reasoningBody });
    const own = fixtureFetch({ body: reasoningBody });
    const gateway = createGateway({
      providers: {
        plain: openai({ apiKey: 'sk-test' }),
        pinned: openai({ apiKey: 'sk-test', fetch: own.fetch }),
      },
      fetch: gatewayWide.fetch,
      maxRetries: 0,
    });

    await gateway.chat.completions.create({ model: 'plain/o4-mini', messages: hello });
    // The fixture is a chat body, so the embeddings call fails to parse; what matters is where it went.
    await gateway.embeddings
      .create({ model: 'plain/text-embedding-3-small', input: 'x' })
      .catch(() => undefined);
    await gateway.chat.completions.create({ model: 'pinned/o4-mini', messages: hello });

    expect(gatewayWide.requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/chat/completions',
      '/v1/embeddings',
    ]);
    expect(own.requests).toHaveLength(1);
  });

  it('streams chunks that end with the usage chunk', async () => {
    const { fetch } = fixtureFetch({ body: textStream, chunkSizes: [9, 4] });
    const gateway = gatewayFor(fetch);

    const stream = await gateway.chat.completions.create({
      model: 'openai-primary/gpt-4o-mini',
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'Bonjour ! Ravi de vous rencontrer \u2014 que puis-je faire pour vous ?',
    );
    expect(chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe('stop');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 13, completion_tokens: 17, total_tokens: 30 });
    expect(chunks.every((chunk) => chunk.id === 'chatcmpl-BgH5Kd2uYpQm8rTz3wXo6nE1vJa4F')).toBe(true);
  });

  it('surfaces a provider 429 as RateLimitError with its retry-after', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: error429, headers: error429Headers });
    const gateway = gatewayFor(fetch);

    const error = await gateway.chat.completions
      .create({ model: 'openai-primary/gpt-4o-mini', messages: hello })
      .catch((caught: unknown) => caught);

    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120 });
  });

  it('lets the official SDK stream tool calls through gateway.fetch (SDK → gateway → adapter → SDK)', async () => {
    const { fetch } = fixtureFetch({ body: toolCallsStream, chunkSizes: [31] });
    const gateway = gatewayFor(fetch);
    const client = new OpenAI({
      baseURL: 'http://switchyard.local/v1',
      apiKey: 'unused',
      fetch: gateway.fetch,
    });

    const stream = await client.chat.completions.create({
      model: 'openai-primary/gpt-4o',
      messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
      stream: true,
    });
    const calls = new Map<number, { id?: string; name?: string; arguments: string }>();
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        const call = calls.get(delta.index) ?? { arguments: '' };
        if (delta.id !== undefined) call.id = delta.id;
        if (delta.function?.name !== undefined) call.name = delta.function.name;
        call.arguments += delta.function?.arguments ?? '';
        calls.set(delta.index, call);
      }
    }

    expect([...calls.values()]).toEqual([
      {
        id: 'call_Hn4xQ8vZ1pRt6YkW3sLm9bJc',
        name: 'get_weather',
        arguments: '{"location": "Paris, France", "unit": "celsius"}',
      },
      {
        id: 'call_Ta7Ke2Vy5Nq0Xw8Rc3Ls1Zp6',
        name: 'get_weather',
        arguments: '{"location": "Tokyo, Japan", "unit": "celsius"}',
      },
    ]);
  });
});
