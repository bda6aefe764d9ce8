import { describe, expect, it } from 'vitest';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

describe('mapCohereFinishReason', () => {
  it.each([
    ['COMPLETE', 'stop'],
    ['STOP_SEQUENCE', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['TOOL_CALL', 'tool_calls'],
    ['SOMETHING_NEW', 'stop'],
  ] as const)('%s → %s, keeping the raw value', (raw, unified) => {
    expect(mapCohereFinishReason(raw)).toEqual({ unified, raw });
  });
});
