import { readFileSync } from 'node:fs';

/** The standard `fetch` signature, so the same function serves the `openai` SDK and the adapter. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const readFixture = (name: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const completionBody = readFixture('openai-chat-completion.json');

/** The SSE body split after each `\n\n`, so each read of the body yields one event, as from a socket. */
const streamEvents: ReadonlyArray<Uint8Array<ArrayBuffer>> = (() => {
  const text = new TextDecoder().decode(readFixture('openai-chat-completion.sse'));
  const encoder = new TextEncoder();
  return text
    .split(/(?<=\n\n)/)
    .filter((event) => event !== '')
    .map((event) => encoder.encode(event));
})();

/** Headers as api.openai.com sends them (ids synthetic); clients read some of them, e.g. `x-request-id`. */
const commonHeaders = {
  'openai-organization': 'user-bench',
  'openai-processing-ms': '312',
  'openai-project': 'proj_bench',
  'openai-version': '2020-10-01',
  'x-ratelimit-limit-requests': '10000',
  'x-ratelimit-limit-tokens': '10000000',
  'x-ratelimit-remaining-requests': '9999',
  'x-ratelimit-remaining-tokens': '9999981',
  'x-ratelimit-reset-requests': '6ms',
  'x-ratelimit-reset-tokens': '0s',
  'x-request-id': 'req_5f3c0e0b6a2d4c1e9b7a8f6d5c4b3a21',
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The SSE answer; with `eventGapMs`, each event (the first included) comes that long after the previous. */
const streamResponse = (eventGapMs: number): Response =>
  new Response(
    eventGapMs === 0
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (const event of streamEvents) controller.enqueue(event);
            controller.close();
          },
        })
      : new ReadableStream<Uint8Array>({
          async start(controller) {
            for (const event of streamEvents) {
              await sleep(eventGapMs);
              controller.enqueue(event);
            }
            controller.close();
          },
        }),
    { status: 200, headers: { ...commonHeaders, 'content-type': 'text/event-stream; charset=utf-8' } },
  );

const completionResponse = (): Response =>
  new Response(completionBody, {
    status: 200,
    headers: { ...commonHeaders, 'content-type': 'application/json' },
  });

/** Clients differ in JSON spacing (openai v4 pretty-prints request bodies). */
const streamRequested = /"stream"\s*:\s*true/;

const requestUrl = (input: RequestInfo | URL): string =>
  input instanceof Request ? input.url : String(input);

/**
 * A `fetch` that answers `POST …/chat/completions` in-process with the OpenAI wire bodies in
 * `fixtures/`: SSE when the JSON request body asks for `"stream":true`, JSON otherwise. Anything else
 * is a bug in the benchmark, so it throws instead of answering. `eventGapMs` paces the SSE events, as a
 * model producing tokens would (the time-to-first-token measurement uses it); default 0, all at once.
 */
export function createCannedFetch(eventGapMs = 0): FetchFunction {
  return async (input, init) => {
    const url = requestUrl(input);
    if (init?.method !== 'POST' || !url.endsWith('/chat/completions')) {
      throw new Error(`cannedFetch: unexpected ${init?.method ?? 'GET'} ${url}`);
    }
    if (typeof init.body !== 'string') throw new Error('cannedFetch: expected a JSON string request body.');
    return streamRequested.test(init.body) ? streamResponse(eventGapMs) : completionResponse();
  };
}

/** The canned answer with no pacing. */
export const cannedFetch: FetchFunction = createCannedFetch();
