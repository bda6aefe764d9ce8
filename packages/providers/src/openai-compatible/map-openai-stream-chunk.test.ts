import { APIConnectionError, type StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import {
  createOpenAIStreamState,
  flushOpenAIStream,
  mapOpenAIStreamChunk,
} from './map-openai-stream-chunk.js';

// Chunk objects as the SDK yields them (the wire JSON, parsed); only the fields under test are set.
const chunk = (choices: Array<unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1749560000,
  model: 'm',
  choices,
  ...extra,
});

const mapAll = (chunks: Array<unknown>): Array<StreamPart> => {
  const state = createOpenAIStreamState('test');
  return [...chunks.flatMap((value) => mapOpenAIStreamChunk(state, value)), ...flushOpenAIStream(state)];
};

describe('mapOpenAIStreamChunk', () => {
  it('keeps interleaved parallel tool calls apart by index', () => {
    const parts = mapAll([
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 'call_a', function: { name: 'a', arguments: '{"x":' } }] },
        },
      ]),
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 1, id: 'call_b', function: { name: 'b', arguments: '{"y":' } }] },
        },
      ]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '1}' } }] } }]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 1, function: { arguments: '2}' } }] } }]),
      chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]),
    ]);

    expect(parts.filter((part) => part.type !== 'response-metadata')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_a', name: 'a' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":' },
      { type: 'tool-call-start', index: 1, id: 'call_b', name: 'b' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"y":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '1}' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '2}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_calls' } },
    ]);
  });

  it('tags parts of choices other than 0 with their choice (n > 1)', () => {
    const parts = mapAll([
      chunk([
        { index: 0, delta: { content: 'A' } },
        { index: 1, delta: { content: 'B' } },
      ]),
      chunk([
        { index: 0, delta: {}, finish_reason: 'stop' },
        { index: 1, delta: {}, finish_reason: 'length' },
      ]),
    ]);

    expect(parts.slice(1)).toEqual([
      { type: 'text-delta', delta: 'A' },
      { type: 'text-delta', delta: 'B', choice: 1 },
      { type: 'finish', reason: { unified: 'stop', raw: 'stop' } },
      { type: 'finish', reason: { unified: 'length', raw: 'length' }, choice: 1 },
    ]);
  });

  it('maps custom tool calls and object arguments, and fills a missing id', () => {
    const parts = mapAll([
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 0, id: 'call_c', type: 'custom', custom: { name: 'sql', input: 'SELECT 1' } },
            ],
          },
        },
      ]),
      chunk([
        { index: 0, delta: { tool_calls: [{ index: 1, function: { name: 'f', arguments: { q: 1 } } }] } },
      ]),
      chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]),
    ]);

    expect(parts[1]).toEqual({ type: 'tool-call-start', index: 0, id: 'call_c', name: 'sql' });
    expect(parts[2]).toEqual({ type: 'tool-call-delta', index: 0, argumentsDelta: 'SELECT 1' });
    expect(parts[3]).toMatchObject({
      type: 'tool-call-start',
      index: 1,
      name: 'f',
      id: expect.stringMatching(/^call_/),
    });
    expect(parts[4]).toEqual({ type: 'tool-call-delta', index: 1, argumentsDelta: '{"q":1}' });
  });

  it('emits usage once, the last one reported, after finish', () => {
    const parts = mapAll([
      chunk([{ index: 0, delta: { content: 'x' } }], {
        usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
      }),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }], {
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      }),
    ]);

    expect(parts.filter((part) => part.type === 'usage')).toEqual([
      { type: 'usage', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } },
    ]);
    expect(parts.at(-1)?.type).toBe('usage');
  });

  it('throws a typed error for a tool call that starts without a name', () => {
    const state = createOpenAIStreamState('test');
    const start = chunk([
      { index: 0, delta: { tool_calls: [{ index: 0, id: 'call_x', function: { arguments: '{}' } }] } },
    ]);

    expect(() => mapOpenAIStreamChunk(state, start)).toThrow(APIConnectionError);
  });

  it('throws a typed error for a chunk that is not an object', () => {
    expect(() => mapOpenAIStreamChunk(createOpenAIStreamState('test'), 'data')).toThrow(APIConnectionError);
  });

  it('flushes an error when a choice never finished', () => {
    const parts = mapAll([chunk([{ index: 0, delta: { content: 'cut' } }])]);

    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    expect(last?.type === 'error' && APIConnectionError.isInstance(last.error)).toBe(true);
  });
});
