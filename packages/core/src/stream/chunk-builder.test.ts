import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../provider/provider-adapter.js';
import { ChunkBuilder } from './chunk-builder.js';

const build = (parts: Array<StreamPart>) => {
  const builder = new ChunkBuilder({ id: 'fallback-id', model: 'fallback-model', created: 1 });
  const chunks = parts.map((part) => builder.next(part)).filter((chunk) => chunk !== undefined);
  return { builder, chunks };
};

describe('ChunkBuilder', () => {
  it('shapes text, reasoning and finish chunks like OpenAI, with role once per choice', () => {
    const { chunks, builder } = build([
      {
        type: 'response-metadata',
        id: 'chatcmpl-1',
        model: 'gpt-4o-2024-08-06',
        created: 42,
        systemFingerprint: 'fp_1',
      },
      { type: 'reasoning-delta', delta: 'Think' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'usage', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } },
      { type: 'finish', reason: { unified: 'stop', raw: 'end_turn' } },
    ]);
    expect(chunks.map((c) => c.choices[0]?.delta)).toEqual([
      { role: 'assistant', reasoning_content: 'Think' },
      { content: 'Hel' },
      { content: 'lo' },
      {},
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks[0]).toMatchObject({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 42,
      model: 'gpt-4o-2024-08-06',
      system_fingerprint: 'fp_1',
    });
    expect(builder.rawFinishReason).toBe('end_turn');
    expect(builder.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
    expect(builder.usageChunk({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 })).toMatchObject({
      choices: [],
      usage: { total_tokens: 5 },
    });
  });

  it('keeps parallel tool calls apart by index', () => {
    const { chunks } = build([
      { type: 'tool-call-start', index: 0, id: 'call_a', name: 'get_weather' },
      { type: 'tool-call-start', index: 1, id: 'call_b', name: 'get_time' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"tz":"UTC"}' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'tool_calls' } },
    ]);
    expect(chunks.map((c) => c.choices[0]?.delta.tool_calls?.[0])).toEqual([
      { index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } },
      { index: 0, function: { arguments: '{"city":' } },
      { index: 1, function: { arguments: '{"tz":"UTC"}' } },
      { index: 0, function: { arguments: '"Paris"}' } },
      undefined,
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('passes signed reasoning blocks through as reasoning_details', () => {
    const details = [
      { type: 'reasoning.text' as const, text: 'Think.', signature: 'sig-1', provider: 'anthropic' },
    ];
    const { chunks } = build([
      { type: 'reasoning-delta', delta: 'Think.' },
      { type: 'reasoning-details', details },
    ]);
    expect(chunks[1]?.choices[0]?.delta).toEqual({ reasoning_details: details });
  });

  it('puts parts of other choices (n > 1) under their index', () => {
    const { chunks } = build([
      { type: 'text-delta', delta: 'a', choice: 0 },
      { type: 'text-delta', delta: 'b', choice: 1 },
    ]);
    expect(chunks.map((c) => c.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant', content: 'a' }, finish_reason: null },
      { index: 1, delta: { role: 'assistant', content: 'b' }, finish_reason: null },
    ]);
  });
});
