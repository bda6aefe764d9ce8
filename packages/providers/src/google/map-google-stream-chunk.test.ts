import { describe, expect, it } from 'vitest';
import {
  createGoogleStreamState,
  flushGoogleStream,
  mapGoogleStreamChunk,
} from './map-google-stream-chunk.js';

const chunk = (candidates: Array<unknown>, extra: Record<string, unknown> = {}) => ({ candidates, ...extra });

describe('mapGoogleStreamChunk', () => {
  it('ends a signed thought block with a reasoning.text detail once the answer starts', () => {
    const state = createGoogleStreamState('google');
    const parts = [
      ...mapGoogleStreamChunk(
        state,
        chunk([{ content: { parts: [{ text: 'Let me think', thought: true }] } }]),
      ),
      ...mapGoogleStreamChunk(
        state,
        chunk([{ content: { parts: [{ text: ' more.', thought: true, thoughtSignature: 'sig-1' }] } }]),
      ),
      ...mapGoogleStreamChunk(
        state,
        chunk([{ content: { parts: [{ text: 'Answer' }] }, finishReason: 'STOP' }]),
      ),
    ];
    expect(parts.filter((part) => part.type !== 'response-metadata')).toEqual([
      { type: 'reasoning-delta', delta: 'Let me think' },
      { type: 'reasoning-delta', delta: ' more.' },
      {
        type: 'reasoning-details',
        details: [
          { type: 'reasoning.text', text: 'Let me think more.', signature: 'sig-1', provider: 'google' },
        ],
      },
      { type: 'text-delta', delta: 'Answer' },
      { type: 'finish', reason: { unified: 'stop', raw: 'STOP' } },
    ]);
  });

  it('keeps candidates apart by index (n > 1), each with its own call numbering and finish', () => {
    const state = createGoogleStreamState('google');
    const parts = mapGoogleStreamChunk(
      state,
      chunk([
        { index: 0, content: { parts: [{ text: 'A' }] }, finishReason: 'STOP' },
        { index: 1, content: { parts: [{ functionCall: { name: 'f', args: {} } }] }, finishReason: 'STOP' },
      ]),
    );
    expect(parts.slice(1)).toEqual([
      { type: 'text-delta', delta: 'A' },
      { type: 'finish', reason: { unified: 'stop', raw: 'STOP' } },
      { type: 'tool-call-start', index: 0, id: 'call_0', name: 'f', choice: 1 },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}', choice: 1 },
      { type: 'tool-call-end', index: 0, choice: 1 },
      { type: 'finish', reason: { unified: 'tool_calls', raw: 'STOP' }, choice: 1 },
    ]);
    expect(flushGoogleStream(state)).toEqual([]);
  });

  it('keeps an id Gemini sends with a function call', () => {
    const state = createGoogleStreamState('google');
    const parts = mapGoogleStreamChunk(
      state,
      chunk([{ content: { parts: [{ functionCall: { id: 'fc-7', name: 'f' } }] } }]),
    );
    expect(parts).toContainEqual({ type: 'tool-call-start', index: 0, id: 'fc-7', name: 'f' });
  });

  it('finishes a blocked prompt with content_filter, and reports the last usage once', () => {
    const state = createGoogleStreamState('google');
    const parts = mapGoogleStreamChunk(state, {
      promptFeedback: { blockReason: 'SAFETY' },
      usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
    });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: { unified: 'content_filter', raw: 'SAFETY' } });
    expect(flushGoogleStream(state)).toEqual([
      { type: 'usage', usage: { prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 } },
    ]);
  });

  it('passes parts it cannot carry on as raw parts instead of dropping them', () => {
    const state = createGoogleStreamState('google');
    const image = { inlineData: { mimeType: 'image/png', data: 'iVBOR' } };
    const parts = mapGoogleStreamChunk(state, chunk([{ content: { parts: [image] } }]));
    expect(parts).toContainEqual({ type: 'raw', value: image });
  });

  it('rejects an event that is not an object, and a function call without a name', () => {
    expect(() => mapGoogleStreamChunk(createGoogleStreamState('google'), 'oops')).toThrow(/malformed stream/);
    expect(() =>
      mapGoogleStreamChunk(
        createGoogleStreamState('google'),
        chunk([{ content: { parts: [{ functionCall: { args: {} } }] } }]),
      ),
    ).toThrow(/function call without a name/);
  });
});
