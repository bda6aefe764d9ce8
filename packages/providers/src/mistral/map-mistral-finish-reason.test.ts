import { describe, expect, it } from 'vitest';
import { mapMistralFinishReason } from './map-mistral-finish-reason.js';

describe('mapMistralFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['model_length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['something_new', 'stop'],
  ] as const)('%s → %s, keeping the raw value', (raw, unified) => {
    expect(mapMistralFinishReason(raw)).toEqual({ unified, raw });
  });

  it('has no raw value when Mistral sent none', () => {
    expect(mapMistralFinishReason(null)).toEqual({ unified: 'stop', raw: undefined });
  });
});
