import {
  type ChatCompletionCreateParamsBase,
  createGateway,
  type FetchFunction,
  type ProviderAdapter,
  type StreamPart,
  SwitchyardError,
} from '@switchyard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatBody } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import anthropicReply from '../anthropic/__fixtures__/messages-text.json?raw';
import anthropicText from '../anthropic/__fixtures__/messages-text.sse.txt?raw';
import anthropicTools from '../anthropic/__fixtures__/messages-thinking-tool-use.sse.txt?raw';
import { anthropic } from '../anthropic/anthropic-provider.js';
import bedrockReply from '../bedrock/__fixtures__/converse-text.json?raw';
import { bedrock } from '../bedrock/bedrock-provider.js';
import cohereTools from '../cohere/__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import cohereReply from '../cohere/__fixtures__/chat-text.json?raw';
import { cohere } from '../cohere/cohere-provider.js';
import googleReply from '../google/__fixtures__/generate-content-text.json?raw';
import googleTools from '../google/__fixtures__/stream-parallel-tool-calls.sse.txt?raw';
import googleReasoning from '../google/__fixtures__/stream-reasoning.sse.txt?raw';
import { google } from '../google/google-provider.js';
import mistralTools from '../mistral/__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import mistralReply from '../mistral/__fixtures__/chat-text.json?raw';
import { mistral } from '../mistral/mistral-provider.js';
import openaiLogprobs from '../openai/__fixtures__/chat-logprobs.sse.txt?raw';
import openaiTools from '../openai/__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import openaiReply from '../openai/__fixtures__/chat-text.json?raw';
import { openai } from '../openai/openai-provider.js';
import deepseekReasoner from '../openai-compatible/__fixtures__/deepseek-reasoner.sse.txt?raw';
import { openaiCompatible } from '../openai-compatible/openai-compatible-provider.js';

interface Adapter {
  name: string;
  create(fetch: FetchFunction): ProviderAdapter;
  modelId: string;
  /** The provider's recorded answer to a plain text request. */
  reply: string;
  /** Recorded event streams (none for Bedrock, whose binary event stream is not SSE). */
  streams: ReadonlyArray<string>;
}

/** The adapters with their own request conversion or stream mapping, and recorded answers to start from. */
const ADAPTERS: ReadonlyArray<Adapter> = [
  {
    name: 'openai',
    create: (fetch) => openai({ apiKey: 'sk-fuzz', fetch }),
    modelId: 'gpt-4o-mini',
    reply: openaiReply,
    streams: [openaiTools, openaiLogprobs],
  },
  {
    name: 'openai-compatible',
    create: (fetch) => openaiCompatible({ name: 'deepseek', baseURL: 'https://example.test/v1', fetch }),
    modelId: 'deepseek-reasoner',
    reply: openaiReply,
    streams: [deepseekReasoner],
  },
  {
    name: 'anthropic',
    create: (fetch) => anthropic({ apiKey: 'sk-ant-fuzz', fetch }),
    modelId: 'claude-sonnet-4-6',
    reply: anthropicReply,
    streams: [anthropicText, anthropicTools],
  },
  {
    name: 'google',
    create: (fetch) => google({ apiKey: 'fuzz', fetch }),
    modelId: 'gemini-2.5-flash',
    reply: googleReply,
    streams: [googleTools, googleReasoning],
  },
  {
    name: 'mistral',
    create: (fetch) => mistral({ apiKey: 'fuzz', fetch }),
    modelId: 'mistral-small-latest',
    reply: mistralReply,
    streams: [mistralTools],
  },
  {
    name: 'cohere',
    create: (fetch) => cohere({ apiKey: 'fuzz', fetch }),
    modelId: 'command-a-reasoning-08-2025',
    reply: cohereReply,
    streams: [cohereTools],
  },
  {
    name: 'bedrock',
    create: (fetch) =>
      bedrock({
        fetch,
        region: 'us-east-1',
        credentials: {
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        },
      }),
    modelId: 'anthropic.claude-sonnet-4-6',
    reply: bedrockReply,
    streams: [],
  },
];
const STREAMING = ADAPTERS.filter((adapter) => adapter.streams.length > 0);

const encoder = new TextEncoder();

/** A fetch answering every call with `bytes` as an event stream, delivered in pieces of `sizes` (cycled). */
const streamingFetch =
  (bytes: Uint8Array, sizes: ReadonlyArray<number>): FetchFunction =>
  async () => {
    let offset = 0;
    let piece = 0;
    const body = new ReadableStream<Uint8Array>({
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
    return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  };

/** The parts an adapter streams from `bytes`; a rejection of `doStream` is returned as `rejected`. */
const streamParts = async (upstream: Adapter, bytes: Uint8Array, sizes: ReadonlyArray<number>) => {
  const adapter = upstream.create(streamingFetch(bytes, sizes));
  let stream: ReadableStream<StreamPart>;
  try {
    ({ stream } = await adapter.doStream({
      modelId: upstream.modelId,
      request: { model: upstream.modelId, messages: [{ role: 'user', content: 'hi' }] },
      signal: new AbortController().signal,
      headers: {},
    }));
  } catch (error) {
    return { parts: [], rejected: error };
  }
  const parts: Array<StreamPart> = [];
  for await (const part of stream) parts.push(part);
  return { parts, rejected: undefined };
};

const pieceSizes = fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 8 });

/** Damage to a recorded stream: cut short, bytes removed, garbage or stray framing inserted, a byte changed. */
const damaged = (body: string): fc.Arbitrary<Uint8Array> => {
  const bytes = encoder.encode(body);
  const at = fc.nat({ max: bytes.length });
  const junk = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 12 }),
    fc
      .constantFrom('\r', '\n\n', '\r\n\r\n', 'data: {', 'data: [DONE]\n\n', ': ping\n', 'event: error\n')
      .map((text) => encoder.encode(text)),
    fc.constantFrom(new Uint8Array([0xe2, 0x82]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xc0, 0x80])),
  );
  return fc.oneof(
    at.map((end) => bytes.slice(0, end)),
    fc
      .tuple(at, fc.nat({ max: 200 }))
      .map(([start, length]) => new Uint8Array([...bytes.slice(0, start), ...bytes.slice(start + length)])),
    fc
      .tuple(at, junk)
      .map(([start, extra]) => new Uint8Array([...bytes.slice(0, start), ...extra, ...bytes.slice(start)])),
    fc.tuple(at, fc.integer({ min: 0, max: 255 })).map(([index, value]) => {
      const copy = bytes.slice();
      if (index < copy.length) copy[index] = value;
      return copy;
    }),
  );
};

describe('upstream event streams (fuzz)', () => {
  it.each(STREAMING)(
    '$name: the same parts however the bytes are split, with LF or CRLF line endings',
    async (upstream) => {
      const expected = await Promise.all(
        upstream.streams.map((body) => streamParts(upstream, encoder.encode(body), [1 << 20])),
      );
      for (const { parts, rejected } of expected) {
        expect(rejected).toBeUndefined();
        expect(parts.at(-1)?.type).not.toBe('error');
      }
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: upstream.streams.length - 1 }),
          fc.boolean(),
          pieceSizes,
          async (index, crlf, sizes) => {
            const body = upstream.streams[index] ?? '';
            const text = crlf ? body.replace(/\r?\n/g, '\r\n') : body;
            expect(await streamParts(upstream, encoder.encode(text), sizes)).toEqual(expected[index]);
          },
        ),
        fuzzParameters({ runs: 10, runTimeoutMs: 3_000 }),
      );
    },
    fuzzTimeout(20_000),
  );

  it.each(STREAMING)(
    '$name: a damaged stream ends with parts or a typed error, never an untyped throw or a hang',
    async (upstream) => {
      const input = fc
        .nat({ max: upstream.streams.length - 1 })
        .chain((index) => fc.tuple(damaged(upstream.streams[index] ?? ''), pieceSizes));
      await fc.assert(
        fc.asyncProperty(input, async ([bytes, sizes]) => {
          const { parts, rejected } = await streamParts(upstream, bytes, sizes);
          if (rejected !== undefined)
            expect(SwitchyardError.isInstance(rejected), String(rejected)).toBe(true);
          for (const part of parts) {
            if (part.type === 'error')
              expect(SwitchyardError.isInstance(part.error), String(part.error)).toBe(true);
          }
          // An error, if any, is the last part.
          expect(parts.slice(0, -1).some((part) => part.type === 'error')).toBe(false);
        }),
        fuzzParameters({ runs: 20, runTimeoutMs: 3_000 }),
      );
    },
    fuzzTimeout(20_000),
  );
});

describe('request conversion (fuzz)', () => {
  it.each(ADAPTERS)(
    '$name: any body the gateway accepts is sent or refused with a typed error, never an untyped throw',
    async (adapter) => {
      const fetch: FetchFunction = async () =>
        new Response(adapter.reply, { headers: { 'content-type': 'application/json' } });
      const gateway = createGateway({ providers: { p: adapter.create(fetch) }, maxRetries: 0 });
      const body = chatBody(fc.constant(`p/${adapter.modelId}`)).map(
        (value): ChatCompletionCreateParamsBase =>
          // Non-streaming: the served reply is the provider's JSON answer.
          ({
            ...value,
            model: `p/${adapter.modelId}`,
            stream: false,
          }) as unknown as ChatCompletionCreateParamsBase,
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          try {
            await gateway.chat.completions.create(value);
          } catch (error) {
            expect(SwitchyardError.isInstance(error), `${String(error)}\n${(error as Error).stack}`).toBe(
              true,
            );
          }
        }),
        fuzzParameters({ runs: 60, runTimeoutMs: 3_000 }),
      );
    },
    fuzzTimeout(20_000),
  );
});
