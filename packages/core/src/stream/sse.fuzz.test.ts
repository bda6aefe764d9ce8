import fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { createGateway } from '../gateway/create-gateway.js';
import { IN_PROCESS_BASE_URL } from '../http/wrap-openai.js';
import { mockProvider } from '../testing/mock-provider.js';
import type { MockReply } from '../testing/mock-reply.js';

const hello = [{ role: 'user' as const, content: 'hi' }];

/** `bytes` as a body delivered in pieces of `sizes` (cycled): splits land anywhere, inside characters too. */
const inPieces = (bytes: Uint8Array, sizes: ReadonlyArray<number>): ReadableStream<Uint8Array> => {
  let offset = 0;
  let piece = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const size = sizes[piece % sizes.length] ?? 1;
      piece += 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
};

/** What varies between two identical calls: the time taken and the trace id. */
const withoutTimings = (chunk: unknown): unknown =>
  JSON.parse(JSON.stringify(chunk, (key, value) => (key === 'latencyMs' || key === 'traceId' ? 0 : value)));

/** The chunks a call streams, and the message of the error that ended it (before or during the stream). */
const drain = async (start: () => Promise<AsyncIterable<unknown>>) => {
  const received: Array<unknown> = [];
  try {
    for await (const chunk of await start()) received.push(withoutTimings(chunk));
    return { received, error: undefined };
  } catch (error) {
    return { received, error: error instanceof Error ? error.message : String(error) };
  }
};

const reply: fc.Arbitrary<MockReply> = fc.record(
  {
    text: anyText,
    reasoning: anyText,
    toolCalls: fc.array(fc.record({ name: fc.stringMatching(/^[a-z_]{1,8}$/), arguments: anyText }), {
      maxLength: 2,
    }),
    refusal: anyText,
    fault: fc.record({
      errorAfterParts: fc.nat({ max: 6 }),
      error: fc.record({ status: fc.constantFrom(429, 500, 503), message: anyText }),
    }),
  },
  { requiredKeys: ['text'] },
);

describe('SSE framing (fuzz)', () => {
  it(
    'the openai client decodes exactly the chunks the gateway streams, however the bytes are split',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          reply,
          fc.integer({ min: 1, max: 8 }),
          fc.boolean(),
          fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
          async (mockReply, chunkSize, includeUsage, sizes) => {
            // Two identical gateways, so response ids and tool call ids match.
            const newGateway = () =>
              createGateway({
                providers: { mock: mockProvider({ reply: mockReply, chunkSize }) },
                maxRetries: 0,
              });
            const gateway = newGateway();
            const body = {
              model: 'mock/m',
              messages: hello,
              stream: true as const,
              stream_options: { include_usage: includeUsage },
            };
            const expected = await drain(() => newGateway().chat.completions.create(body));
            const client = new OpenAI({
              apiKey: 'unused',
              baseURL: IN_PROCESS_BASE_URL,
              maxRetries: 0,
              fetch: async (input, init) => {
                const response = await gateway.fetch(input, init);
                const bytes = new Uint8Array(await response.arrayBuffer());
                return new Response(inPieces(bytes, sizes), response);
              },
            });
            const decoded = await drain(() => client.chat.completions.create(body));
            expect(decoded.received).toEqual(expected.received);
            expect(decoded.error === undefined).toBe(expected.error === undefined);
            if (expected.error !== undefined) expect(decoded.error).toContain(expected.error);
          },
        ),
        fuzzParameters({ runs: 100, runTimeoutMs: 3_000 }),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'writes one single-line `data:` event per chunk in valid UTF-8, ending in [DONE] or an error event',
    async () => {
      await fc.assert(
        fc.asyncProperty(reply, fc.integer({ min: 1, max: 8 }), async (mockReply, chunkSize) => {
          const gateway = createGateway({
            providers: { mock: mockProvider({ reply: mockReply, chunkSize }) },
            maxRetries: 0,
          });
          const response = await gateway.fetch(`${IN_PROCESS_BASE_URL}/chat/completions`, {
            method: 'POST',
            body: JSON.stringify({ model: 'mock/m', messages: hello, stream: true }),
          });
          // A failure before the first chunk is an error response, not a stream.
          if (!response.ok) {
            expect(await response.json()).toMatchObject({ error: { message: expect.any(String) } });
            return;
          }
          expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
          const text = new TextDecoder('utf-8', { fatal: true }).decode(await response.arrayBuffer());
          expect(text.endsWith('\n\n')).toBe(true);
          const events = text.slice(0, -2).split('\n\n');
          for (const event of events) {
            expect(event.startsWith('data: ')).toBe(true);
            expect(event).not.toMatch(/[\r\n]/);
          }
          const last = events.at(-1)?.slice('data: '.length);
          const ended = last === '[DONE]' || Object.hasOwn(JSON.parse(last ?? '{}'), 'error');
          expect(ended, `last event: ${last}`).toBe(true);
        }),
        fuzzParameters({ runTimeoutMs: 3_000 }),
      );
    },
    fuzzTimeout(10_000),
  );
});
