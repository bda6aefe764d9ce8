import { APIConnectionError, RateLimitError, type StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import {
  createAnthropicStreamState,
  flushAnthropicStream,
  mapAnthropicStreamEvent,
} from './map-anthropic-stream-event.js';

const run = (events: ReadonlyArray<unknown>): Array<StreamPart> => {
  const state = createAnthropicStreamState();
  return [
    ...events.flatMap((event) => mapAnthropicStreamEvent(state, event)),
    ...flushAnthropicStream(state),
  ];
};

const start = {
  type: 'message_start',
  message: {
    id: 'msg_1',
    model: 'claude-sonnet-4-6',
    content: [],
    usage: {
      input_tokens: 10,
      cache_read_input_tokens: 90,
      cache_creation_input_tokens: 0,
      output_tokens: 1,
    },
  },
};

describe('mapAnthropicStreamEvent', () => {
  it('combines message_start and message_delta usage (null counts keep the start values) into one usage part', () => {
    const parts = run([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'max_tokens', stop_sequence: null },
        usage: { input_tokens: null, cache_read_input_tokens: null, output_tokens: 64 },
      },
      { type: 'message_stop' },
    ]);

    expect(parts.filter((part) => part.type === 'usage')).toEqual([
      {
        type: 'usage',
        usage: {
          prompt_tokens: 100,
          completion_tokens: 64,
          total_tokens: 164,
          prompt_tokens_details: { cached_tokens: 90 },
        },
      },
    ]);
    expect(parts.at(-2)).toEqual({ type: 'finish', reason: { unified: 'length', raw: 'max_tokens' } });
  });

  it('passes blocks and deltas it has no neutral part for on as raw parts', () => {
    const serverTool = {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} },
    };
    const citation = {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'citations_delta', citation: { type: 'web_search_result_location' } },
    };
    const parts = run([
      start,
      serverTool,
      citation,
      { type: 'content_block_stop', index: 0 },
      { type: 'message_stop' },
    ]);

    expect(parts.filter((part) => part.type === 'raw')).toEqual([
      { type: 'raw', value: serverTool },
      { type: 'raw', value: citation },
    ]);
  });

  it('throws the typed error of an error event', () => {
    const state = createAnthropicStreamState();
    const error = (() => {
      try {
        mapAnthropicStreamEvent(state, {
          type: 'error',
          error: { type: 'rate_limit_error', message: 'Slow down' },
        });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, message: 'Slow down' });
  });

  it('rejects a delta for a block that never started', () => {
    const state = createAnthropicStreamState();
    mapAnthropicStreamEvent(state, start);
    expect(() =>
      mapAnthropicStreamEvent(state, {
        type: 'content_block_delta',
        index: 3,
        delta: { type: 'text_delta', text: 'x' },
      }),
    ).toThrow(APIConnectionError);
  });

  it('reports a stream without message_stop as an error, once it ends', () => {
    const parts = run([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ]);
    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });
});
