import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSSEStream } from './encode-sse.js';

const collect = async (stream: ReadableStream<Uint8Array>): Promise<string> => {
  const decoder = new TextDecoder();
  let text = '';
  for await (const bytes of stream) text += decoder.decode(bytes, { stream: true });
  return text + decoder.decode();
};

/** A minimal SSE reader, as a client would parse the bytes. */
const parseEvents = (text: string): Array<string> =>
  text
    .split('\n\n')
    .filter((event) => event !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      expect(event.includes('\n')).toBe(false);
      return event.slice('data: '.length);
    });

describe('toSSEStream', () => {
  it('frames any JSON values as single-line events ending in [DONE]', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 20 }), async (values) => {
        const source = values[Symbol.iterator]();
        const asyncSource: AsyncIterator<unknown> = { next: async () => source.next() };
        const events = parseEvents(await collect(toSSEStream(asyncSource, () => ({}))));
        expect(events.at(-1)).toBe('[DONE]');
        expect(events.slice(0, -1).map((event) => JSON.parse(event))).toEqual(
          values.map((value) => JSON.parse(JSON.stringify(value))),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('turns a mid-stream failure into an error event and ends the stream', async () => {
    let sent = false;
    const source: AsyncIterator<{ n: number }> = {
      next: async () => {
        if (sent) throw new Error('boom');
        sent = true;
        return { done: false, value: { n: 1 } };
      },
    };
    const events = parseEvents(
      await collect(toSSEStream(source, (error) => ({ error: { message: String(error) } }))),
    );
    expect(events).toEqual(['{"n":1}', '{"error":{"message":"Error: boom"}}']);
  });
});
