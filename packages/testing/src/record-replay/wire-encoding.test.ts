import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode-body.js';
import { encodeBody } from './encode-body.js';
import { encodeChunksFile } from './encode-chunks-file.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';
import { parseChunksFile } from './parse-chunks-file.js';

// The two encodings a cassette stores wire bytes in. Replay is byte for byte only if both round-trip
// every input exactly, so they are checked on arbitrary bytes, not just on nice text.

const utf8 = new TextEncoder();
const chunk = fc.record({
  delayMs: fc.nat({ max: 60_000 }),
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ unit: 'binary', maxLength: 64 }).map((text) => utf8.encode(text)),
  ),
});

describe('.chunks.txt files', () => {
  it('give back every chunk exactly: bytes, boundaries and delays (property)', () => {
    fc.assert(
      fc.property(
        fc.array(chunk, { maxLength: 20 }),
        fc.option(fc.string(), { nil: undefined }),
        (chunks, error) => {
          const recorded = error === undefined ? { chunks } : { chunks, error };
          expect(parseChunksFile(encodeChunksFile(recorded), 'x.chunks.txt')).toEqual(recorded);
        },
      ),
    );
  });

  it('store text chunks as one readable JSON string per line, and split characters as base64', () => {
    const euro = utf8.encode('€');
    const text = encodeChunksFile({
      chunks: [
        { delayMs: 0, bytes: utf8.encode('data: {"a":1}\n\n') },
        { delayMs: 12.4, bytes: euro.subarray(0, 1) },
      ],
      error: 'terminated',
    });
    expect(text.split('\n').slice(1)).toEqual([
      '0 "data: {\\"a\\":1}\\n\\n"',
      '12 base64:4g==',
      'error "terminated"',
      '',
    ]);
  });

  it('name the line that is wrong', () => {
    const header = encodeChunksFile({ chunks: [] });
    expect(() => parseChunksFile(`${header}0 "ok"\nnot a chunk\n`, 'f.chunks.txt')).toThrow(
      new InvalidCassetteError('f.chunks.txt', 'line 3: expected `<delay ms> <JSON string | base64:…>`.'),
    );
    expect(() => parseChunksFile('error "x"\n0 "late"\n', 'f')).toThrow(
      'line 2: nothing may follow the `error` line',
    );
    expect(() => parseChunksFile('0 base64:***\n', 'f')).toThrow('line 1: invalid base64');
    expect(() => parseChunksFile('0 {"not":"a string"}\n', 'f')).toThrow('line 1: expected a JSON string');
  });
});

describe('stored bodies', () => {
  it('give back the exact bytes of any body (property)', () => {
    const jsonText = fc
      .tuple(fc.jsonValue(), fc.boolean(), fc.boolean())
      .map(
        ([value, pretty, newline]) => `${JSON.stringify(value, null, pretty ? 2 : 0)}${newline ? '\n' : ''}`,
      );
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: 'binary' }).map((text) => utf8.encode(text)),
      jsonText.map((text) => utf8.encode(text)),
    );
    fc.assert(
      fc.property(body, (bytes) => {
        expect(decodeBody(encodeBody(bytes)) ?? new Uint8Array()).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('keep JSON as a value with its layout, e.g. OpenAI pretty-printed, ASCII-escaped bodies', () => {
    const openAIStyle = '{\n  "content": "Bonjour \\u2014 \\u00e7a va ?",\n  "n": [\n    1\n  ]\n}\n';
    expect(encodeBody(utf8.encode(openAIStyle))).toEqual({
      body: { content: 'Bonjour — ça va ?', n: [1] },
      bodyFormat: 'pretty',
      bodyNewline: true,
      bodyAsciiEscaped: true,
    });
    expect(encodeBody(utf8.encode('{"a": 1}'))).toEqual({ bodyText: '{"a": 1}' });
    expect(encodeBody(new Uint8Array([0xff, 0x00]))).toEqual({ bodyBase64: '/wA=' });
    expect(encodeBody(new Uint8Array())).toEqual({});
  });
});
