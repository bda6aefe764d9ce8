/**
 * Test helpers for AWS event-stream fixtures (`application/vnd.amazon.eventstream`). The shared
 * `fixtureFetch` serves bodies as UTF-8 text, which cannot hold binary frames (lengths and CRC32s),
 * so binary bodies travel as base64 text, marked with a header, and `decodeBase64Bodies` turns them
 * back into the exact bytes (streamed, so the SDK still sees frames split at arbitrary points).
 */
import { EventStreamCodec } from '@smithy/eventstream-codec';
import type { FetchFunction } from '@switchyard/core';
import type { FixtureResponse } from '../../test-utils/fixture-fetch.js';
import { decodeBase64, encodeBase64 } from '../base64.js';

/** Marks a fixture body as base64 of the real bytes. */
const ENCODING_HEADER = 'x-fixture-body-encoding';

/**
 * One event-stream message as written in the `*.events.json` fixtures: string headers and a JSON
 * payload (sent as compact JSON), or `rawPayload` text sent as is (for malformed payloads).
 */
export interface EventDescription {
  headers: Record<string, string>;
  payload?: unknown;
  rawPayload?: string;
}

const isEventDescription = (value: unknown): value is EventDescription =>
  typeof value === 'object' &&
  value !== null &&
  'headers' in value &&
  ('payload' in value || ('rawPayload' in value && typeof value.rawPayload === 'string')) &&
  typeof value.headers === 'object' &&
  value.headers !== null &&
  Object.values(value.headers).every((header) => typeof header === 'string');

// The AWS SDK's own codec: the bytes it writes are the bytes its decoder reads from Bedrock.
const createCodec = () =>
  new EventStreamCodec(
    (bytes) => new TextDecoder().decode(bytes),
    (text) => new TextEncoder().encode(text),
  );

/** Encodes event descriptions into event-stream frames, payloads as compact JSON. */
export function encodeEvents(events: unknown): Uint8Array {
  if (!Array.isArray(events) || !events.every(isEventDescription)) {
    throw new Error('Expected an array of { headers, payload } event descriptions.');
  }
  const codec = createCodec();
  const frames = events.map((event) =>
    codec.encode({
      headers: Object.fromEntries(
        Object.entries(event.headers).map(([name, value]) => [name, { type: 'string', value }]),
      ),
      body: new TextEncoder().encode(event.rawPayload ?? JSON.stringify(event.payload)),
    }),
  );
  const bytes = new Uint8Array(frames.reduce((length, frame) => length + frame.length, 0));
  let offset = 0;
  for (const frame of frames) {
    bytes.set(frame, offset);
    offset += frame.length;
  }
  return bytes;
}

/** Decodes event-stream frames back into messages (to compare recorded bytes with descriptions). */
export function decodeEvents(bytes: Uint8Array): Array<{ headers: Record<string, unknown>; payload: string }> {
  const codec = createCodec();
  const messages: Array<{ headers: Record<string, unknown>; payload: string }> = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Each frame starts with its total length (big-endian uint32).
  for (let offset = 0; offset < bytes.length; ) {
    const length = view.getUint32(offset);
    const message = codec.decode(bytes.subarray(offset, offset + length));
    messages.push({
      headers: Object.fromEntries(Object.entries(message.headers).map(([name, header]) => [name, header.value])),
      payload: new TextDecoder().decode(message.body),
    });
    offset += length;
  }
  return messages;
}

/** A `fixtureFetch` response serving `bytes` as a 200 event stream. */
export function eventStreamResponse(bytes: Uint8Array, extra: Partial<FixtureResponse> = {}): FixtureResponse {
  return {
    ...extra,
    body: encodeBase64(bytes),
    headers: {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': '9d7e52c4-1f3b-4b8a-a6e0-5c2f8d4b7a91',
      [ENCODING_HEADER]: 'base64',
      ...extra.headers,
    },
  };
}

/** Base64 text (a recorded capture) as bytes. */
export function bytesFromBase64(text: string): Uint8Array {
  const bytes = decodeBase64(text.trim());
  if (bytes === undefined) throw new Error('Not base64.');
  return bytes;
}

/**
 * Wraps a `fixtureFetch` so bodies marked as base64 reach the SDK as their bytes. Decoding is
 * incremental: each piece of text the fixture sends becomes the bytes it holds.
 */
export function decodeBase64Bodies(fetch: FetchFunction): FetchFunction {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.headers.get(ENCODING_HEADER) !== 'base64' || response.body === null) return response;
    const headers = new Headers(response.headers);
    headers.delete(ENCODING_HEADER);
    let pending = '';
    const bytes = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(
      new TransformStream<string, Uint8Array>({
        transform(text, controller) {
          pending += text.replace(/\s+/g, '');
          const usable = pending.length - (pending.length % 4);
          if (usable === 0) return;
          controller.enqueue(bytesFromBase64(pending.slice(0, usable)));
          pending = pending.slice(usable);
        },
        flush(controller) {
          if (pending.trim() !== '') controller.enqueue(bytesFromBase64(pending));
        },
      }),
    );
    return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
  };
}
