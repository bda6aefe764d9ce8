import { isDeepStrictEqual } from 'node:util';
import type { ProviderCallFn } from './provider-case.js';
import type { FixtureFetch } from './provider-fixtures.js';
import type { CallOutcome } from './scenario.js';

interface WireRequest {
  readonly method: string;
  readonly url: string;
  /** The parsed JSON body. */
  readonly body: unknown;
}

const bodyText = (body: BodyInit | null | undefined): string => {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  throw new Error(`Unexpected request body: ${Object.prototype.toString.call(body)}.`);
};

/** What was asked, whether the SDK passed `(url, init)` or one `Request` (Mistral, the AWS fetch handler). */
async function describe(input: RequestInfo | URL, init: RequestInit | undefined): Promise<WireRequest> {
  const [method, url, text] =
    input instanceof Request
      ? [input.method, input.url, await input.text()]
      : [init?.method ?? 'GET', String(input), bodyText(init?.body)];
  return { method, url, body: text === '' ? undefined : JSON.parse(text) };
}

async function record(canned: FixtureFetch, call: ProviderCallFn) {
  const requests: Array<Promise<WireRequest>> = [];
  canned.tap = (input, init) => requests.push(describe(input, init));
  try {
    const outcome = await call(new AbortController().signal);
    return { outcome, requests: await Promise.all(requests) };
  } finally {
    canned.tap = undefined;
  }
}

/**
 * One call of each path through `canned`, tapped: both must send exactly one request with the same
 * method, URL and JSON body, and read the same answer (text and raw finish reason) from the fixture.
 * Returns that answer, which every timed call must then reproduce.
 */
export async function checkWire(
  label: string,
  canned: FixtureFetch,
  sdk: ProviderCallFn,
  adapter: ProviderCallFn,
): Promise<CallOutcome> {
  const direct = await record(canned, sdk);
  const adapted = await record(canned, adapter);
  const show = (value: unknown): string => JSON.stringify(value, null, 1);
  if (direct.requests.length !== 1 || !isDeepStrictEqual(direct.requests, adapted.requests)) {
    throw new Error(
      `${label}: the SDK alone and the adapter sent different requests:\n${show(direct.requests)}\n${show(adapted.requests)}`,
    );
  }
  if (direct.outcome.text === '' || direct.outcome.finish === undefined) {
    throw new Error(`${label}: the SDK alone read no answer: ${show(direct.outcome)}.`);
  }
  if (!isDeepStrictEqual(direct.outcome, adapted.outcome)) {
    throw new Error(`${label}: the SDK read ${show(direct.outcome)}, the adapter ${show(adapted.outcome)}.`);
  }
  return direct.outcome;
}
