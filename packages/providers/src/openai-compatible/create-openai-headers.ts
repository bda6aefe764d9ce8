import { VERSION } from '../shared/version.js';

export interface OpenAIHeadersInput {
  /** Sent as `authorization: Bearer <apiKey>`; without one no `authorization` header is sent. */
  apiKey: string | undefined;
  /** The adapter's headers; a `null` value removes a header set before it (as in openai-node). */
  headers: Readonly<Record<string, string | null | undefined>> | undefined;
}

/** The request headers of one call, in what it accepts back: JSON or an event stream. */
export type OpenAIHeadersFor = (
  accept: 'json' | 'event-stream',
  callHeaders: Readonly<Record<string, string>>,
) => Record<string, string>;

/** Later sources win over earlier ones, whatever the case of their names; `null` removes a header. */
function applyHeaders(
  target: Record<string, string>,
  source: Readonly<Record<string, string | null | undefined>> | undefined,
): void {
  if (source === undefined) return;
  for (const name in source) {
    const value = source[name];
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

const headersAccepting = (accept: string, input: OpenAIHeadersInput): Readonly<Record<string, string>> => {
  const headers: Record<string, string> = { accept, 'user-agent': `switchyard/${VERSION}` };
  if (input.apiKey !== undefined) headers.authorization = `Bearer ${input.apiKey}`;
  applyHeaders(headers, input.headers);
  // The body is always JSON; only a per-call header can say otherwise (openai-node's order).
  headers['content-type'] = 'application/json';
  return Object.freeze(headers);
};

/**
 * The headers of a Chat Completions request, merged in openai-node's order: defaults (`accept`,
 * `user-agent`), `authorization`, the adapter's headers, `content-type`, then the call's headers. The
 * adapter's part is merged once; each call gets its own copy.
 */
export function createOpenAIHeaders(input: OpenAIHeadersInput): OpenAIHeadersFor {
  const json = headersAccepting('application/json', input);
  const eventStream = headersAccepting('text/event-stream', input);
  return (accept, callHeaders) => {
    const headers = { ...(accept === 'json' ? json : eventStream) };
    applyHeaders(headers, callHeaders);
    return headers;
  };
}
