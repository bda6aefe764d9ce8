import { describe, expect, it } from 'vitest';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

describe('mapBedrockFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['malformed_model_output', 'stop'],
    ['malformed_tool_use', 'stop'],
    ['a_future_reason', 'stop'],
  ])('maps %s to %s and keeps the raw value', (raw, unified) => {
    expect(mapBedrockFinishReason(raw)).toEqual({ unified, raw });
  });

  it('maps a missing stop reason to stop', () => {
    expect(mapBedrockFinishReason(undefined)).toEqual({ unified: 'stop', raw: undefined });
  });
});
