import { type ChatCompletionChunk, createGateway, type Middleware } from '@switchyard/core';
import { mockProvider, reasoningReply, toolCallReply } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { cache } from './index.js';

const messages = [{ role: 'user' as const, content: 'Tell me a story' }];

const setup = (reply: Parameters<typeof mockProvider>[0] = {}, extra: Array<Middleware> = []) => {
  const mock = mockProvider({ reply: 'Once upon a time there was a gateway.', ...reply });
  const gateway = createGateway({
    providers: { p: mock },
    middleware: [cache(), ...extra],
    pricing: ({ usage }) => usage.total_tokens * 0.001,
    maxRetries: 0,
  });
  const stream = async (includeUsage = true) => {
    const chunks: Array<ChatCompletionChunk> = [];
    const result = await gateway.chat.completions.create({
      model: 'p/m',
      messages,
      stream: true,
      ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
    });
    for await (const chunk of result) chunks.push(chunk);
    return { chunks, switchyard: result.switchyard };
  };
  const complete = () => gateway.chat.completions.create({ model: 'p/m', messages });
  return { mock, gateway, stream, complete };
};

const withoutMetadata = (chunks: Array<ChatCompletionChunk>) =>
  chunks.map(({ switchyard: _s, ...chunk }) => chunk);

describe('streaming cache', () => {
  it('replays a cached stream chunk for chunk, usage chunk included', async () => {
    const { mock, stream } = setup();
    const original = await stream();
    const replay = await stream();
    expect(mock.calls).toHaveLength(1);
    expect(original.switchyard.cache).toBe('miss');
    expect(replay.switchyard.cache).toBe('hit');
    expect(replay.chunks.length).toBe(original.chunks.length);
    const usage = original.chunks.at(-1)?.usage;
    expect(usage?.total_tokens).toBeGreaterThan(0);
    expect(withoutMetadata(replay.chunks)).toEqual(
      withoutMetadata(original.chunks).map((chunk) =>
        chunk.usage ? { ...chunk, usage: { ...chunk.usage, estimated_cost: 0 } } : chunk,
      ),
    );
    // Metadata rides on the same chunks as in the original: the finish chunk and the usage chunk.
    const carriers = (chunks: Array<ChatCompletionChunk>) =>
      chunks.map((chunk) => chunk.switchyard !== undefined);
    expect(carriers(replay.chunks)).toEqual(carriers(original.chunks));
    expect(replay.chunks.at(-1)?.switchyard?.cache).toBe('hit');
  });

  it('adds the usage chunk on replay only when the request asks for it', async () => {
    const { stream } = setup();
    const original = await stream(false);
    expect(original.chunks.some((chunk) => chunk.usage)).toBe(false);
    const withUsage = await stream(true);
    expect(withUsage.switchyard.cache).toBe('hit');
    expect(withUsage.chunks.at(-1)).toMatchObject({ choices: [], usage: { estimated_cost: 0 } });
  });

  it('serves a non-streaming request from a streamed entry, equal to a direct completion', async () => {
    const direct = await setup().complete();
    const { mock, stream, complete } = setup();
    await stream();
    const served = await complete();
    expect(mock.calls).toHaveLength(1);
    expect(served.switchyard.cache).toBe('hit');
    expect(served.choices).toEqual(direct.choices);
    expect(served.usage).toEqual({ ...direct.usage, estimated_cost: 0 });
  });

  it('serves a streaming request from a completion entry, folding back to the same message', async () => {
    const { mock, stream, complete } = setup();
    const original = await complete();
    const replay = await stream();
    expect(mock.calls).toHaveLength(1);
    expect(replay.switchyard.cache).toBe('hit');
    const text = replay.chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(original.choices[0]?.message.content);
    expect(replay.chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(replay.chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(replay.chunks.at(-1)?.usage?.total_tokens).toBe(original.usage?.total_tokens);
  });

  it('caches tool-call and reasoning streams and replays them in both shapes', async () => {
    const tools = setup({ reply: toolCallReply([{ name: 'get_weather', arguments: { city: 'Paris' } }]) });
    const original = await tools.stream();
    const completion = await tools.complete();
    expect(completion.switchyard.cache).toBe('hit');
    expect(completion.choices[0]?.message.tool_calls?.[0]?.function).toEqual({
      name: 'get_weather',
      arguments: '{"city":"Paris"}',
    });
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(withoutMetadata((await tools.stream()).chunks).slice(0, -1)).toEqual(
      withoutMetadata(original.chunks).slice(0, -1),
    );

    const thinking = setup({ reply: reasoningReply('Let me think.', 'Done.') });
    const streamed = await thinking.stream();
    const folded = await thinking.complete();
    expect(folded.choices[0]?.message).toMatchObject({
      reasoning_content: 'Let me think.',
      content: 'Done.',
    });
    expect(streamed.switchyard.cache).toBe('miss');
  });

  it('never caches a stream that failed midway (a tool-call stream included)', async () => {
    const failing = toolCallReply([{ name: 'lookup', arguments: { q: 'a long argument string' } }]);
    const { mock, stream } = setup({
      reply: [{ ...failing, fault: { errorAfterParts: 3 } }, 'recovered'],
    });
    await expect(stream()).rejects.toThrow();
    const second = await stream();
    expect(second.switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(2);
    expect((await stream()).switchyard.cache).toBe('hit');
  });

  it('never caches a stream the caller abandoned', async () => {
    const { gateway, mock, stream } = setup();
    const first = await gateway.chat.completions.create({ model: 'p/m', messages, stream: true });
    for await (const _chunk of first) break;
    expect((await stream()).switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(2);
  });

  it('never caches a stream an output guardrail ended with an error', async () => {
    let block = true;
    const guard: Middleware = {
      name: 'guard',
      stages: {
        output: async (_state, next) => {
          const result = await next();
          if (result.type !== 'stream' || !block) return result;
          const source = result.stream;
          async function* blocked() {
            for await (const chunk of source) {
              yield chunk;
              if (chunk.choices[0]?.delta.content?.includes('gateway')) throw new Error('blocked mid-stream');
            }
          }
          return { type: 'stream', stream: blocked() };
        },
      },
    };
    const { mock, stream } = setup({ reply: 'a gateway story' }, [guard]);
    await expect(stream()).rejects.toThrow('blocked mid-stream');
    block = false;
    expect((await stream()).switchyard.cache).toBe('miss');
    expect(mock.calls).toHaveLength(2);
  });
});
