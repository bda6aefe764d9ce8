import { readFileSync } from 'node:fs';
import { encodeEvents } from '../packages/providers/src/bedrock/__fixtures__/event-stream.js';
import type { FetchFunction } from './canned-fetch.js';
import type { Mode } from './variants.js';

export type ProviderId =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'mistral'
  | 'cohere'
  | 'azure'
  | 'bedrock'
  | 'groq';

/** One wire response: the body as the reads of a socket would deliver it, and its headers. */
interface WireResponse {
  readonly pieces: ReadonlyArray<Uint8Array<ArrayBuffer>>;
  readonly headers: Readonly<Record<string, string>>;
}

const source = (path: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(new URL(`../packages/providers/src/${path}`, import.meta.url)));

/** Throws unless `pieces` are exactly `bytes`, in order: the split must not change a byte. */
const checkPieces = (
  bytes: Uint8Array,
  pieces: Array<Uint8Array<ArrayBuffer>>,
): Array<Uint8Array<ArrayBuffer>> => {
  if (!Buffer.concat(pieces).equals(bytes)) throw new Error('A fixture split changed its bytes.');
  return pieces;
};

/** SSE split after each blank line (`\n\n`, or Gemini's `\r\n\r\n`), so each read yields one event. */
const sseEvents = (bytes: Uint8Array): Array<Uint8Array<ArrayBuffer>> => {
  const encoder = new TextEncoder();
  const events = new TextDecoder()
    .decode(bytes)
    .split(/(?<=\r\n\r\n|\n\n)/)
    .filter((event) => event !== '')
    .map((event) => encoder.encode(event));
  return checkPieces(bytes, events);
};

/** AWS event-stream frames, one per read: each frame starts with its total length (big-endian uint32). */
const eventStreamFrames = (bytes: Uint8Array): Array<Uint8Array<ArrayBuffer>> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames: Array<Uint8Array<ArrayBuffer>> = [];
  for (let offset = 0; offset < bytes.length; offset += view.getUint32(offset)) {
    frames.push(new Uint8Array(bytes.subarray(offset, offset + view.getUint32(offset))));
  }
  return checkPieces(bytes, frames);
};

const json = { 'content-type': 'application/json' };
const sse = { 'content-type': 'text/event-stream; charset=utf-8' };
const bedrockId = { 'x-amzn-requestid': '1f0c8e2a-7d35-4b61-9a4e-3c2b5d8f6e10' };

const fixture = (
  jsonPath: string,
  streamPieces: Array<Uint8Array<ArrayBuffer>>,
  streamHeaders: Record<string, string> = sse,
  extraHeaders: Record<string, string> = {},
): Record<Mode, WireResponse> => ({
  'non-streaming': { pieces: [source(jsonPath)], headers: { ...json, ...extraHeaders } },
  streaming: { pieces: streamPieces, headers: { ...streamHeaders, ...extraHeaders } },
});

const sseFixture = (jsonPath: string, ssePath: string): Record<Mode, WireResponse> =>
  fixture(jsonPath, sseEvents(source(ssePath)));

/**
 * The `text` and `stream-text` conformance fixtures of each adapter (see its `*-conformance.test.ts`),
 * byte for byte. Bedrock's stream is its `*.events.json` encoded by the adapter tests' own helper
 * (the AWS SDK's event-stream codec).
 */
const fixtures: Readonly<Record<ProviderId, Record<Mode, WireResponse>>> = {
  openai: sseFixture(
    'openai/__fixtures__/conformance/text.json',
    'openai/__fixtures__/conformance/stream-text.sse.txt',
  ),
  anthropic: sseFixture(
    'anthropic/__fixtures__/messages-text.json',
    'anthropic/__fixtures__/messages-text.sse.txt',
  ),
  google: sseFixture(
    'google/__fixtures__/generate-content-text.json',
    'google/__fixtures__/stream-text.sse.txt',
  ),
  mistral: sseFixture('mistral/__fixtures__/chat-text.json', 'mistral/__fixtures__/chat-text.sse.txt'),
  cohere: sseFixture('cohere/__fixtures__/chat-text.json', 'cohere/__fixtures__/chat-text.sse.txt'),
  azure: sseFixture(
    'azure/__fixtures__/conformance/text.json',
    'azure/__fixtures__/conformance/stream-text.sse.txt',
  ),
  bedrock: fixture(
    'bedrock/__fixtures__/converse-text.json',
    eventStreamFrames(
      encodeEvents(
        JSON.parse(new TextDecoder().decode(source('bedrock/__fixtures__/converse-stream-text.events.json'))),
      ),
    ),
    { 'content-type': 'application/vnd.amazon.eventstream' },
    bedrockId,
  ),
  groq: sseFixture(
    'groq/__fixtures__/conformance/text.json',
    'groq/__fixtures__/conformance/stream-text.sse.txt',
  ),
};

/** A fetch that answers every request with one provider's fixture for one mode. */
export interface FixtureFetch {
  readonly fetch: FetchFunction;
  /** While set, sees every request before it is answered: for the wire check only, never while timing. */
  tap: ((input: RequestInfo | URL, init: RequestInit | undefined) => void) | undefined;
}

/** The fixture's body, one piece per read, as a socket would deliver it. */
const bodyOf = ({ pieces }: WireResponse): BodyInit => {
  const [only] = pieces;
  if (pieces.length === 1 && only !== undefined) return only;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
};

/**
 * The canned `fetch` of one provider and mode: it answers at once, whatever was asked, so both paths
 * of a row pay exactly the same for it. That each path asks for the same thing is checked once, before
 * timing (see `provider-wire-check.ts`).
 */
export function createFixtureFetch(provider: ProviderId, mode: Mode): FixtureFetch {
  const response = fixtures[provider][mode];
  const canned: FixtureFetch = {
    tap: undefined,
    fetch: async (input, init) => {
      canned.tap?.(input, init);
      return new Response(bodyOf(response), { status: 200, headers: response.headers });
    },
  };
  return canned;
}
