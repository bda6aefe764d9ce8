import fc from 'fast-check';
import { _iterSSEMessages } from 'openai/core/streaming';
import { describe, expect, it } from 'vitest';
import { type ServerSentEvent, SSEDecoder } from './sse-decoder.js';

const encoder = new TextEncoder();

/** `bytes` in pieces of `sizes` (cycled). */
const split = (bytes: Uint8Array, sizes: ReadonlyArray<number>): Array<Uint8Array> => {
  const pieces: Array<Uint8Array> = [];
  for (let offset = 0, piece = 0; offset < bytes.length; piece += 1) {
    const size = Math.max(1, sizes[piece % sizes.length] ?? 1);
    pieces.push(bytes.slice(offset, offset + size));
    offset += size;
  }
  return pieces;
};

const decodeAll = (pieces: ReadonlyArray<Uint8Array>): Array<ServerSentEvent> => {
  const decoder = new SSEDecoder();
  return [...pieces.flatMap((piece) => decoder.decode(piece)), ...decoder.flush()];
};

/** The events openai-node's SSE reader finds in the same bytes: the behaviour the adapters keep. */
const decodeWithOpenAI = async (bytes: Uint8Array, sizes: ReadonlyArray<number>) => {
  const pieces = split(bytes, sizes);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces.shift();
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
  });
  const events: Array<ServerSentEvent> = [];
  for await (const { event, data } of _iterSSEMessages(new Response(body), new AbortController())) {
    events.push({ event, data });
  }
  return events;
};

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const pieceSizes = fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 8 });

/** Bodies mixing every kind of SSE line, framing characters and multi-byte text. */
const sseText = fc
  .array(
    fc.oneof(
      fc.constantFrom('data:', 'data: ', 'event:', 'event: ', ':', 'id: 7', 'retry: 10', 'data', ' '),
      fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\n\r\n', '[DONE]', '{"a":1}', 'é', '😀', '中文'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((tokens) => tokens.join(''))
  // openai-node decodes each line on its own, which drops a byte order mark at the start of any line.
  .filter((text) => !text.includes('\uFEFF'));

describe('SSEDecoder', () => {
  it('reads data and event fields, skipping comments, ids and retries', () => {
    const body = ': ping\nid: 1\nretry: 5\nevent: error\ndata: {"a":\ndata:1}\n\ndata: [DONE]\n\n';
    expect(decodeAll([encoder.encode(body)])).toEqual([
      { event: 'error', data: '{"a":\n1}' },
      { event: null, data: '[DONE]' },
    ]);
  });

  it('drops blank-line runs and events without data or event fields', () => {
    const body = '\n\n: comment\n\nid: 3\n\ndata: x\n\n\n\n';
    expect(decodeAll([encoder.encode(body)])).toEqual([{ event: null, data: 'x' }]);
  });

  it('returns a last event left without its blank line, or without its line ending, on flush', () => {
    const decoder = new SSEDecoder();
    expect(decoder.decode(encoder.encode('data: a\n\ndata: b\n'))).toEqual([{ event: null, data: 'a' }]);
    expect(decoder.flush()).toEqual([{ event: null, data: 'b' }]);
    expect(decodeAll([encoder.encode('data: {"cut')])).toEqual([{ event: null, data: '{"cut' }]);
  });

  it('yields the same events however the bytes are split, with LF, CRLF or CR line endings', () => {
    const events = fc.array(
      fc.record({
        event: fc.option(fc.stringMatching(/^[a-z.]{1,8}$/), { nil: null }),
        lines: fc.array(
          fc.string({ unit: 'grapheme', maxLength: 12 }).filter((line) => !/[\r\n]/.test(line)),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(events, lineEnding, pieceSizes, (list, eol, sizes) => {
        const body = list
          .map(
            ({ event, lines }) =>
              `${event === null ? '' : `event: ${event}${eol}`}${lines.map((line) => `data: ${line}${eol}`).join('')}${eol}`,
          )
          .join('');
        const expected = list.map(({ event, lines }) => ({ event, data: lines.join('\n') }));
        expect(decodeAll(split(encoder.encode(body), sizes))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('decodes any bytes the same way whatever the split, invalid UTF-8 included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), pieceSizes, (bytes, sizes) => {
        expect(decodeAll(split(bytes, sizes))).toEqual(decodeAll([bytes]));
      }),
      { numRuns: 200 },
    );
  });

  it('finds the events openai-node finds, however the body is split', async () => {
    await fc.assert(
      fc.asyncProperty(sseText, pieceSizes, async (text, sizes) => {
        const bytes = encoder.encode(text);
        expect(decodeAll(split(bytes, sizes))).toEqual(await decodeWithOpenAI(bytes, sizes));
      }),
      { numRuns: 300 },
    );
  });
});
