import { describe, expect, it } from 'vitest';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';

describe('mapOpenAIFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['function_call', 'function_call'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['eos', 'stop'],
  ] as const)('maps %s to %s and keeps the raw value', (raw, unified) => {
    expect(mapOpenAIFinishReason(raw)).toEqual({ unified, raw });
  });

  it('maps a missing reason to stop with no raw value', () => {
    expect(mapOpenAIFinishReason(null)).toEqual({ unified: 'stop', raw: undefined });
  });
});
