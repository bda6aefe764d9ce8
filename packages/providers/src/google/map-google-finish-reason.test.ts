import { describe, expect, it } from 'vitest';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';

describe('mapGoogleFinishReason', () => {
  it.each([
    ['STOP', false, 'stop'],
    ['STOP', true, 'tool_calls'],
    ['MAX_TOKENS', false, 'length'],
    ['CONTINUATION', false, 'length'],
    ['SAFETY', false, 'content_filter'],
    ['RECITATION', false, 'content_filter'],
    ['BLOCKLIST', false, 'content_filter'],
    ['PROHIBITED_CONTENT', false, 'content_filter'],
    ['SPII', false, 'content_filter'],
    ['IMAGE_SAFETY', false, 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', false, 'stop'],
    ['OTHER', false, 'stop'],
    ['LANGUAGE', false, 'stop'],
    ['SOMETHING_NEW', true, 'tool_calls'],
  ] as const)('%s (tool calls: %s) → %s, raw kept', (raw, madeToolCalls, unified) => {
    expect(mapGoogleFinishReason(raw, madeToolCalls)).toEqual({ unified, raw });
  });

  it('keeps a missing reason as undefined', () => {
    expect(mapGoogleFinishReason(undefined, false)).toEqual({ unified: 'stop', raw: undefined });
  });
});
