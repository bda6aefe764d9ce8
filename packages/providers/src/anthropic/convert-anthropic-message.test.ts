import { APIConnectionError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertAnthropicMessage } from './convert-anthropic-message.js';

const message = (content: Array<unknown>, stopReason = 'end_turn') => ({
  model: 'claude-sonnet-4-6',
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  content,
  stop_reason: stopReason,
  stop_sequence: null,
  usage: { input_tokens: 10, output_tokens: 5 },
});

describe('convertAnthropicMessage', () => {
  it('keeps a signed thinking block with omitted text as a reasoning detail, without reasoning text', () => {
    const [choice] = convertAnthropicMessage(
      message([
        { type: 'thinking', thinking: '', signature: 'EqQBCkYIBhgCIkA' },
        { type: 'text', text: 'Done.' },
      ]),
    ).choices;
    expect(choice).not.toHaveProperty('reasoning');
    expect(choice?.reasoningDetails).toEqual([
      { type: 'reasoning.text', text: '', signature: 'EqQBCkYIBhgCIkA', provider: 'anthropic' },
    ]);
  });

  it('joins text blocks and warns about citations and blocks it cannot carry', () => {
    const result = convertAnthropicMessage(
      message([
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'Paris weather' } },
        { type: 'text', text: 'It is ', citations: null },
        {
          type: 'text',
          text: '18 °C.',
          citations: [{ type: 'web_search_result_location', url: 'https://x' }],
        },
      ]),
    );
    expect(result.choices[0]?.text).toBe('It is 18 °C.');
    expect(result.warnings).toEqual([
      { type: 'other', message: "Anthropic content block 'server_tool_use' is not carried." },
      { type: 'other', message: 'Anthropic citations are not carried.' },
    ]);
  });

  it('maps a refusal to content_filter and keeps what the model said', () => {
    const [choice] = convertAnthropicMessage(
      message([{ type: 'text', text: 'I can’t help with that.' }], 'refusal'),
    ).choices;
    expect(choice).toMatchObject({
      text: 'I can’t help with that.',
      finishReason: { unified: 'content_filter', raw: 'refusal' },
    });
  });

  it('returns null text when the message has only tool calls, and {} for a call without input', () => {
    const [choice] = convertAnthropicMessage(
      message([{ type: 'tool_use', id: 'toolu_1', name: 'get_local_time', input: {} }], 'tool_use'),
    ).choices;
    expect(choice).toMatchObject({
      text: null,
      toolCalls: [{ id: 'toolu_1', name: 'get_local_time', arguments: '{}' }],
    });
  });

  it('rejects a tool_use block without an id as a malformed message', () => {
    expect(() => convertAnthropicMessage(message([{ type: 'tool_use', name: 'x', input: {} }]))).toThrow(
      APIConnectionError,
    );
  });
});
